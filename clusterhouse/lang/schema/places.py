"""places.yaml: (fields are added as the engine's words move here)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlaceWords:
    pass

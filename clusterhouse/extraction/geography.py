"""How places relate: the key that identifies a cluster's place, and which place lies within which."""

from __future__ import annotations

from clusterhouse.extraction.places import Place

# a cluster sits at the smallest named division
CLUSTER_LEVELS = {"town": 0, "county": 1, "prefecture": 2, "province": 3}


def place_key(place: Place) -> str:
    """A division, or a town inside one: what makes two mentions the same place."""
    return f"{place.admin_code}|{place.town_name_en or ''}"


def is_within(inner: Place, outer: Place) -> bool:
    """``inner`` lies inside ``outer`` (and is not the same place)."""
    if place_key(inner) == place_key(outer):
        return False
    if outer.level == "province":
        return inner.province_code == outer.admin_code
    if outer.level == "prefecture":
        return inner.prefecture_code == outer.admin_code
    if outer.level == "county":
        return inner.level == "town" and inner.admin_code == outer.admin_code
    return False

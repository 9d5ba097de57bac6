"""The Dagster glue of clusterhouse: assets, checks, resources, the job and its schedule.

Everything here is thin: assets call ``clusterhouse`` and write what it returns. ``defs/`` is
loaded as a whole by ``definitions.py``; ``commands.py`` runs the refresh job and the UI for the
``clusterhouse`` command line.
"""

"""Coordinator reporting: how Québec's municipalities take part.

Reads the other apps' tables through its own rollup (``reporting.rollup``,
refreshed every minute by Celery beat); nothing imports this app.
"""

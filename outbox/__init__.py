"""Outgoing e-mail: one row per message, sent by a task with retries and
marked sent once."""

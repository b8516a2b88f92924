"""What every app may use and that belongs to none: it imports no app."""

"""Server mode (``twitchwise server``): one PostgreSQL database for many people — accounts, sessions,
roles, shares with a clinician and an audit trail.  Local mode (``twitchwise serve``) does not use it."""

"""A class on JupyterHub: a hub service that collects attempts as they happen, judges
graded questions with a key only it holds, and serves the teacher's live dashboard.

Server side: :mod:`.storage` (SQLAlchemy Core, SQLite or PostgreSQL), :mod:`.payload`
(what a post may contain), :mod:`.graded` (the service's key), :mod:`.dashboard` (the
numbers the page shows), :mod:`.service` (the tornado app behind HubOAuth).
Client side, in the learner's kernel: :mod:`.client` (the HTTP calls), :mod:`.outbox`
(unsent attempts) and :mod:`.sink` (the AnswerSink wrapper that sends them).
"""

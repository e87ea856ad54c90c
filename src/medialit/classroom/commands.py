"""``medialit class-service``: start the class service (hub-managed or external)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "class-service",
        help="run the JupyterHub service that collects a class's answers",
        description="The JupyterHub service for a class: collects attempts, judges graded "
        "questions, serves the teachers' live dashboard. Run it from the hub's "
        "c.JupyterHub.services (hub-managed) or beside the hub with JUPYTERHUB_API_TOKEN, "
        "JUPYTERHUB_API_URL, JUPYTERHUB_CLIENT_ID and JUPYTERHUB_OAUTH_CALLBACK_URL set.",
    )
    p.add_argument("--course", default=None,
                   help="the teacher's course folder (with course.yaml); holds graded keys")
    p.add_argument("--state-dir", default=os.environ.get("MEDIALIT_CLASS_STATE", "."),
                   help="folder for the SQLite database and the cookie secret")
    p.add_argument("--db", default=os.environ.get("MEDIALIT_CLASS_DB"),
                   help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db "
                   "(default: SQLite in --state-dir)")
    p.add_argument("--port", type=int, default=None,
                   help="port on 127.0.0.1 (default: from JUPYTERHUB_SERVICE_URL, else 10101)")
    p.add_argument("--service-name", default=os.environ.get("JUPYTERHUB_SERVICE_NAME",
                                                            "medialit"))
    p.add_argument("--teachers-group", default="medialit-teachers")
    p.add_argument("--rate", type=float, default=10.0, help="posts per second per learner")
    p.add_argument("--burst", type=float, default=100.0, help="posts at once per learner")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from medialit.classroom.catalog import load_catalog
    from medialit.classroom.limits import RateLimiter
    from medialit.classroom.service import make_app, serve, where_to_listen
    from medialit.classroom.storage import ClassStore
    from medialit.content.course import find_root
    from medialit.content.problems import ContentError

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if not os.environ.get("JUPYTERHUB_API_TOKEN"):
        print("medialit class-service: JUPYTERHUB_API_TOKEN is not set; run it as a "
              "JupyterHub service (see the README, 'For teachers')", file=sys.stderr)
        return 2
    root = Path(args.course) if args.course else find_root()
    try:
        catalog = load_catalog(root)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    state = Path(args.state_dir).resolve()
    state.mkdir(parents=True, exist_ok=True)
    url = args.db or f"sqlite:///{state / 'medialit-class.sqlite'}"
    store = ClassStore(url)
    ip, port, prefix = where_to_listen(args.port)
    app = make_app(store, catalog, prefix=prefix, service_name=args.service_name,
                   group=args.teachers_group, state_dir=state,
                   limiter=RateLimiter(args.rate, args.burst))
    logging.getLogger("medialit.classroom").info(
        "course %s: %d questions, %d graded (max %d tries); database %s",
        root, len(catalog.questions), len(catalog.graded), catalog.max_tries,
        store.engine.url.render_as_string(hide_password=True))
    asyncio.run(serve(app, ip, port))
    return 0

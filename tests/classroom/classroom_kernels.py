"""Run code in a learner's kernel on their hub-spawned Jupyter server (REST + websocket),
so the code sees exactly the environment JupyterHub gave that server."""

from __future__ import annotations

import asyncio
import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect


async def _execute(ws_url: str, token: str, code: str, timeout: float) -> str:
    ws = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {token}"}))
    msg_id = uuid.uuid4().hex
    await ws.write_message(json.dumps({
        "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex,
                   "msg_type": "execute_request", "version": "5.3",
                   "date": datetime.now(UTC).isoformat()},
        "parent_header": {}, "metadata": {}, "buffers": [], "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": False,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
    }))
    out: list[str] = []
    replied = idle = False
    try:
        while True:
            raw = await asyncio.wait_for(ws.read_message(), timeout)
            if raw is None:
                raise AssertionError("the kernel's websocket closed")
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "stream":
                out.append(msg["content"]["text"])
            elif kind == "error":
                raise AssertionError("kernel error:\n" + "\n".join(msg["content"]["traceback"]))
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
            if replied and idle:  # output on iopub may come after the shell reply
                return "".join(out)
    finally:
        ws.close()


def execute(base_ws: str, kernel_id: str, token: str, code: str, timeout: float = 120) -> str:
    url = f"{base_ws}/api/kernels/{kernel_id}/channels"
    # its own thread: Playwright's sync API already runs an event loop in this one
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _execute(url, token, code, timeout)).result()

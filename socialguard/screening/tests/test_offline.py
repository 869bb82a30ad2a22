"""Models and word lists load and screen with the network off (nothing from a hub)."""

import subprocess
import sys

SCRIPT = """
import socket

def refuse(*args, **kwargs):
    raise OSError("network is off for this test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

from socialguard.policies.loader import load_all
from socialguard.screening import ContentItem, Kind, build_context, screen
from socialguard.screening.testing import demo_registry

for loaded in load_all().values():
    context = build_context(loaded.policy, demo_registry())
    decision = screen(ContentItem(kind=Kind.INCOMING_COMMENT, text="you are a pathetic idiot"),
                      context)
    assert not any(v.error for v in decision.violations), decision.to_dict()
print("screened offline")
"""


def test_every_pack_screens_with_the_network_off():
    env = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "screened offline" in result.stdout

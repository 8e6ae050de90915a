"""The repository's promises about itself: the README's two commands, CI calling the test command,
a docker-compose file that compose accepts, and the console script."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    block = re.search(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]


def test_readme_starts_with_demo_and_test_commands_and_ci_runs_the_test_one():
    demo, test = readme_commands()[:2]
    assert demo == "bash scripts/demo.sh" and test == "bash scripts/test.sh"
    assert (ROOT / "scripts" / "demo.sh").exists() and (ROOT / "scripts" / "test.sh").exists()
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_compose_file_runs_the_stack():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    assert {"redis", "voicebot", "sandbox", "postgres"} <= set(compose["services"])
    bot_env = compose["services"]["voicebot"]["environment"]
    assert bot_env["VOICEBOT_REDIS_URL"].startswith("redis://redis:")
    assert bot_env["VOICEBOT_BACKEND_URL"].startswith("http://sandbox:")


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose (v1, Debian) not installed")
@pytest.mark.parametrize("profile", [[], ["--profile", "workers"]], ids=["default", "workers"])
def test_compose_config_validates(profile):
    result = subprocess.run(["docker-compose", "-f", str(ROOT / "docker-compose.yml"), *profile, "config", "-q"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_compose_workers_profile_puts_nginx_and_kamailio_in_front_of_two_workers():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))["services"]
    workers = {name for name, s in services.items() if "workers" in s.get("profiles", ()) and name.startswith("voicebot")}
    assert len(workers) == 2
    ids = {services[w]["environment"]["VOICEBOT_WORKER_ID"] for w in workers}
    assert ids == workers
    # One Redis and one data volume (call records a surviving worker closes) for both.
    assert {services[w]["environment"]["VOICEBOT_REDIS_URL"] for w in workers} == {"redis://redis:6379/0"}
    assert all("voicebot-data:/data" in services[w]["volumes"] for w in workers)
    nginx = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert all(f"server {w}:8080" in nginx for w in workers) and "proxy_set_header Upgrade" in nginx
    addresses = {services[w]["networks"]["workers"]["ipv4_address"] for w in workers}
    dispatcher = (ROOT / "deploy" / "dispatcher.list").read_text(encoding="utf-8")
    assert {f"1 sip:{a}:5060" for a in addresses} <= set(dispatcher.splitlines())


@pytest.mark.skipif(shutil.which("kamailio") is None, reason="kamailio (Debian) not installed")
def test_deploy_kamailio_config_parses():
    result = subprocess.run(["kamailio", "-c", "-f", str(ROOT / "deploy" / "kamailio.cfg")], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr[-2000:]


def test_console_script_lists_its_commands():
    exe = Path(sys.executable).with_name("voicebot")
    out = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("serve", "asr", "tts", "models", "nlu", "sandbox"):
        assert command in out

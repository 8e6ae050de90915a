# The voicebot and the back-end sandbox share one image (Debian 12, Python 3.11).
FROM python:3.11-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends espeak-ng sox redis-tools \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY voicebot voicebot
COPY asr asr
COPY tts tts
COPY models models
COPY dialogue dialogue
COPY integrations integrations
COPY eval eval
COPY contracts contracts
COPY polish polish
RUN pip install --no-cache-dir -e '.[postgres]' && voicebot models pull whisper-base
ENV VOICEBOT_DATA_DIR=/data VOICEBOT_HOST=0.0.0.0
VOLUME /data
EXPOSE 8080
CMD ["voicebot", "serve"]

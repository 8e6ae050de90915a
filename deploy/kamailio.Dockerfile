# kamailio from Debian, the SIP proxy in front of the bot workers (docker-compose profile "workers").
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends kamailio && rm -rf /var/lib/apt/lists/*
COPY deploy/kamailio.cfg /etc/kamailio/kamailio.cfg
COPY deploy/dispatcher.list /etc/kamailio/dispatcher.list
CMD ["kamailio", "-f", "/etc/kamailio/kamailio.cfg", "-DD", "-E"]

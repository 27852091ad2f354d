#!/bin/sh
# Lets a streaming standby (the `scale` profile's postgres-replica) connect for replication.
set -e
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"

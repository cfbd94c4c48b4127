/* SPDX-License-Identifier: MIT */
/*
 * render-kafka.c - --format kafka: the broker's server.properties lines
 * (defaults for new topics), the topic's config lines with the
 * kafka-topics.sh command that creates it, and the producer's acks.
 * Each block is headed by a comment naming the file or command it is for.
 * When storage decides the cost (the advice's compression and tiered
 * storage flags), the producer compresses (zstd: the best ratio of
 * Kafka's codecs; the topic's default compression.type=producer keeps
 * it), and the tiering lines are written commented out: they need an MSK
 * cluster in storage mode TIERED (Kafka 3.6.0 or later) and cleanup
 * policy delete, which the advice cannot see.  The sizing counts
 * uncompressed bytes kept on EBS, so both only lower the cost advised.
 */
#include "ecaptune-cli.h"

int
render_kafka(FILE *f, const struct plan *p)
{
	const struct ecap_kafka_out *k = &p->kafka;
	/* retention.ms and log.retention.ms are longs of milliseconds */
	long long retention_ms = (long long)(p->kafka_retention_hours *
					     3600000.0 + 0.5);

	fprintf(f, "# Kafka from ecaptune %s (model %s): %lld partitions on "
		"%lld brokers\n", ecap_version_string(),
		ecap_model_to_string(ecap_policy_model(p->policy)),
		(long long)k->partitions_count, (long long)k->brokers_count);
	fprintf(f, "\n# server.properties (each broker)\n"
		"num.partitions=%lld\ndefault.replication.factor=%lld\n"
		"min.insync.replicas=%lld\nlog.retention.ms=%lld\n",
		(long long)k->partitions_count,
		(long long)k->replication_factor_count,
		(long long)k->min_insync_replicas_count, retention_ms);
	fprintf(f, "\n# topic %s: kafka-topics.sh --create --topic %s "
		"--partitions %lld --replication-factor %lld --config KEY=VALUE "
		"for each line below\n", p->w.topic, p->w.topic,
		(long long)k->partitions_count,
		(long long)k->replication_factor_count);
	fprintf(f, "min.insync.replicas=%lld\nretention.ms=%lld\n",
		(long long)k->min_insync_replicas_count, retention_ms);
	if (k->tiered_storage_flag)
		fprintf(f, "# tiered storage (an MSK cluster in storage mode "
			"TIERED, Kafka 3.6.0 or later): a day on the brokers, "
			"the rest in the tier\n"
			"# remote.storage.enable=true\n"
			"# local.retention.ms=86400000\n");
	fprintf(f, "\n# producer.properties\nacks=%s\n", k->acks);
	if (k->compression_flag)
		fprintf(f, "# storage decides the cost: compress batches\n"
			"compression.type=zstd\n");
	return 0;
}

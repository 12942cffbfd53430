package com.narvark.gateway.config;

import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine, built as Axon's auto-configuration builds it, minus two queries per command:
 * <ul>
 *   <li>no snapshot look before loading an aggregate: no snapshotter is configured (an OTP has a handful of events),
 *       so the snapshot table is always empty;</li>
 *   <li>an aggregate's events are read until a batch comes back short, not until one comes back empty: Axon's JDBC
 *       engine reads one more, empty, batch on every load, which only a gap in an aggregate's sequence numbers
 *       could fill, and Axon writes none.</li>
 * </ul>
 */
final class LeanEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's default batch size for reading events. */
    private static final int BATCH_SIZE = 100;

    private LeanEventStorageEngine(Builder builder) {
        super(builder);
    }

    static LeanEventStorageEngine create(Serializer snapshotSerializer, Serializer eventSerializer,
                                         org.axonframework.config.Configuration configuration,
                                         PersistenceExceptionResolver exceptions, ConnectionProvider connections,
                                         TransactionManager transactions) {
        Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .batchSize(BATCH_SIZE)
                .finalAggregateBatchPredicate(batch -> batch.size() < BATCH_SIZE);
        return new LeanEventStorageEngine(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}

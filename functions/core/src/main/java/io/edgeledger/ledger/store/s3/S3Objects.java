package io.edgeledger.ledger.store.s3;

import java.util.List;
import java.util.Optional;

/**
 * The few S3 calls the ledger needs, on one bucket. Two transports: {@link HttpS3Objects} (SigV4-signed
 * HTTP/1.1, used whenever keys are configured or in the environment) and {@link SdkS3Objects}
 * (the AWS SDK, for credential sources only the SDK knows: profiles, instance and container roles).
 * Failures are {@link io.edgeledger.ledger.store.LedgerStoreException}s naming the object.
 */
interface S3Objects extends AutoCloseable {

    void put(String key, byte[] bytes);

    Optional<byte[]> get(String key);

    /** Every key starting with {@code prefix}, in lexicographic order. */
    List<String> list(String prefix);

    /** Creates the bucket when it does not exist yet. */
    void ensureBucket();

    @Override
    void close();
}

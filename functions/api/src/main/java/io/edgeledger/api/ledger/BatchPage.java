package io.edgeledger.api.ledger;

import io.edgeledger.ledger.batch.Manifest;
import java.util.List;

/**
 * One page of the batch listing, in key order ({@code <database>/<table>/<batch_id>/}, so per table by seal date).
 * {@code nextCursor} is the last listed batch's prefix, null on the last page.
 */
record BatchPage(List<Manifest> manifests, String nextCursor) {}

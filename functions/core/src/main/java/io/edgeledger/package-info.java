/** EdgeLedger core: plain Java shared by the functions, the CLI and the edge probe. */
package io.edgeledger;

/** A local NEAR JSON-RPC node: accounts, access keys, signature and nonce checks, the notary contract. */
package io.edgeledger.nearemu;

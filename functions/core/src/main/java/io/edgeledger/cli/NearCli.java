package io.edgeledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.crypto.NearCredentials;
import io.edgeledger.near.notary.ManifestMint;
import io.edgeledger.near.notary.MintFailedException;
import io.edgeledger.near.notary.MintRequest;
import io.edgeledger.near.notary.MintResult;
import io.edgeledger.near.notary.NotaryClient;
import io.edgeledger.near.notary.NotaryConfig;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.rpc.NearRpcException;
import io.edgeledger.near.rpc.WaitUntil;
import io.edgeledger.near.tx.SignedTransaction;
import io.edgeledger.near.tx.TxVector;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./edgeledger near sign-tx TX.json} and {@code ./edgeledger near mint ...}. Errors are one line on
 * stderr: exit 2 for bad input (files, keys, arguments), 1 when the node or the contract fails.
 */
@Command(name = "near", mixinStandardHelpOptions = true,
        description = "NEAR signing and minting (the emulator: ./edgeledger near emulator --port P).",
        subcommands = {NearCli.SignTx.class, NearCli.Mint.class})
public final class NearCli implements Runnable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: sign-tx or mint");
    }

    @Command(name = "sign-tx", mixinStandardHelpOptions = true,
            description = "Sign a transaction given as one near-tx.json vector (key, signer_id, receiver_id, nonce, block_hash, actions); prints borsh_hex, hash, signature, signed_tx_base64.")
    static final class SignTx implements Callable<Integer> {
        @Parameters(paramLabel = "TX.json", description = "the transaction fields (- for stdin)")
        String file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String text = file.equals("-") ? new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    : readInput(Path.of(file));
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage());
            }
            TxVector input = TxVector.parse(node);
            SignedTransaction signed = input.transaction().sign(input.key());
            ObjectNode out = JSON.createObjectNode();
            out.put("borsh_hex", HexFormat.of().formatHex(signed.transaction().borsh()));
            out.put("hash", signed.hashBase58());
            out.put("hash_hex", HexFormat.of().formatHex(signed.hash()));
            out.put("signature", Base58.encode(signed.signature()));
            out.put("signature_string", signed.signatureString());
            out.put("signature_hex", HexFormat.of().formatHex(signed.signature()));
            out.put("signed_tx_base64", signed.base64());
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(out.toString());
            stdout.flush();
            return 0;
        }
    }

    @Command(name = "mint", mixinStandardHelpOptions = true,
            description = "Mint the batch a manifest.json describes as a notary NFT; prints the transaction hash. Running it again mints nothing.")
    static final class Mint implements Callable<Integer> {
        @Option(names = "--rpc", required = true, description = "NEAR RPC URL, e.g. https://rpc.testnet.near.org or the emulator's")
        String rpc;

        @Option(names = "--account", required = true, description = "signer account id")
        String account;

        @Option(names = "--key-file", required = true, description = "near-cli credentials JSON of the account")
        Path keyFile;

        @Option(names = "--contract", required = true, description = "notary contract account")
        String contract;

        @Option(names = "--manifest", required = true, description = "the batch's manifest.json")
        Path manifest;

        @Option(names = "--receiver", description = "NFT owner (default: the signer account)")
        String receiver;

        @Option(names = "--deposit", description = "attached deposit in NEAR (default ${DEFAULT-VALUE})")
        String deposit = "0.5";

        @Option(names = "--gas", description = "gas (default ${DEFAULT-VALUE} = 100 Tgas)")
        long gas = NotaryConfig.DEFAULT_GAS;

        @Option(names = "--wait-until", description = "send_tx wait_until (default ${DEFAULT-VALUE})")
        WaitUntil waitUntil = WaitUntil.EXECUTED_OPTIMISTIC;

        @Option(names = "--timeout", description = "seconds per RPC request (default ${DEFAULT-VALUE})")
        int timeoutSeconds = 30;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            URI url = parseUrl(rpc);
            if (!Files.isRegularFile(keyFile)) {
                throw new IllegalArgumentException("key file " + keyFile + " does not exist");
            }
            NearCredentials credentials = NearCredentials.read(keyFile, account);
            BigInteger yocto = NotaryConfig.nearToYocto(deposit);
            if (!Files.isRegularFile(manifest)) {
                throw new IllegalArgumentException("manifest " + manifest + " does not exist");
            }
            MintRequest request = ManifestMint.fromFile(manifest, receiver != null ? receiver : account);
            NotaryConfig defaults = NotaryConfig.defaults(contract, credentials);
            NotaryConfig config = new NotaryConfig(contract, credentials, yocto, gas, waitUntil, defaults.maxAttempts(),
                    defaults.statusPolls(), defaults.pollInterval());
            NotaryClient notary = new NotaryClient(new NearRpcClient(url, Duration.ofSeconds(timeoutSeconds)), config);
            MintResult result = notary.mintBatch(request);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (result.alreadyMinted()) {
                if (result.txHash() != null) {
                    out.println(result.txHash());
                    err.println("near: token " + result.tokenId() + " already exists on " + contract + " (minted by that transaction); nothing sent");
                } else {
                    out.println("already minted: token " + result.tokenId() + " exists on " + contract + "; nothing sent");
                }
            } else {
                out.println(result.txHash());
                err.println("near: minted " + result.tokenId() + " on " + contract + " in block " + result.blockHash()
                        + (result.blockHeight() != null ? " (height " + result.blockHeight() + ")" : ""));
            }
            out.flush();
            err.flush();
            return 0;
        }
    }

    private static URI parseUrl(String text) {
        try {
            URI url = URI.create(text);
            if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https")) || url.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rpc must be an http(s) URL, got '" + text + "'");
        }
    }

    private static String readInput(Path path) {
        try {
            return Files.readString(path);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(path + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        }
    }

    /** Runs the CLI and returns the exit code (tests call this; main exits with it). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new NearCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            int code = e instanceof IllegalArgumentException || e instanceof IOException ? BAD_INPUT : FAILED;
            if (e instanceof NearRpcException || e instanceof MintFailedException) {
                code = FAILED;
            }
            err.println("near: " + oneLine(e));
            err.flush();
            return code;
        });
        cli.setParameterExceptionHandler((e, params) -> {
            err.println("near: " + oneLine(e) + " (see --help)");
            err.flush();
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err));
    }
}

package seqpool.node.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.node.keys.KeyException;
import seqpool.node.keys.Passphrase;
import seqpool.node.keys.SignerKeystore;

/** {@code seqpool keys generate --out FILE}: a new secp256k1 signer key in an encrypted Ethereum keystore file. */
@Command(name = "generate", description = "Generate a signer key into an encrypted keystore file.")
final class KeysGenerateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--out", required = true, description = "Keystore file to write (must not exist).")
    Path out;

    @Option(names = "--passphrase-file", description = "File whose first line is the passphrase "
            + "(default: environment variable " + Passphrase.ENV + ").")
    Path passphraseFile;

    @Option(names = "--light", description = "Light scrypt parameters (n=4096): fast, for tests and devnets only.")
    boolean light;

    KeysGenerateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (Passphrase p = Passphrase.from(passphraseFile, ctx.env())) {
            LocalNodeSigner signer = SignerKeystore.generate(out, p,
                    light ? SignerKeystore.Strength.LIGHT : SignerKeystore.Strength.STANDARD, new SecureRandom());
            ctx.out().println("address " + signer.address());
            ctx.out().println("keystore " + out.toAbsolutePath());
            signer.destroy();
            return 0;
        } catch (KeyException e) {
            ctx.err().println("key error: " + e.getMessage());
            return 1;
        }
    }
}

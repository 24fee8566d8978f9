package seqpool.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.node.keys.KeyException;
import seqpool.node.keys.Passphrase;
import seqpool.node.keys.SignerKeystore;

/** {@code seqpool keys show --file FILE}: decrypts the keystore and prints the signer's address and public key. */
@Command(name = "show", description = "Decrypt a keystore and print its address and public key.")
final class KeysShowCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--file", required = true, description = "Keystore file.")
    Path file;

    @Option(names = "--passphrase-file", description = "File whose first line is the passphrase "
            + "(default: environment variable " + Passphrase.ENV + ").")
    Path passphraseFile;

    KeysShowCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (Passphrase p = Passphrase.from(passphraseFile, ctx.env())) {
            LocalNodeSigner signer = SignerKeystore.load(file, p);
            ctx.out().println("address " + signer.address());
            ctx.out().println("publicKey 0x" + signer.publicKey().toHex());
            signer.destroy();
            return 0;
        } catch (KeyException e) {
            ctx.err().println("key error: " + e.getMessage());
            return 1;
        }
    }
}

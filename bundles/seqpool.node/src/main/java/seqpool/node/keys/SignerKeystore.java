package seqpool.node.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;

import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.WalletUtils;
import org.web3j.utils.Numeric;

import seqpool.codec.crypto.LocalNodeSigner;

/**
 * The node's signer key at rest: a standard Ethereum keystore file (web3j WalletUtils, scrypt + AES-128-CTR), readable
 * by any Ethereum tool. Security: the private key exists in memory only inside the returned {@link LocalNodeSigner}
 * (and, briefly, in web3j's BigInteger, which cannot be wiped); byte arrays are zeroed after use; files are written
 * owner-only.
 */
public final class SignerKeystore {
    /** scrypt strength: STANDARD (n=2^18, ~256 MiB, seconds) for operators, LIGHT (n=2^12) for tests and devnets. */
    public enum Strength { STANDARD, LIGHT }

    private SignerKeystore() {
    }

    /** Generates a fresh key and writes it encrypted to {@code out} (which must not exist). Returns the signer. */
    public static LocalNodeSigner generate(Path out, Passphrase passphrase, Strength strength, SecureRandom random)
            throws KeyException {
        if (Files.exists(out)) {
            throw new KeyException("refusing to overwrite existing key file " + out);
        }
        LocalNodeSigner signer = LocalNodeSigner.generate(random);
        byte[] key = signer.exportPrivateKey();
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempDirectory(dir, ".keygen");
            try {
                ECKeyPair pair = ECKeyPair.create(key);
                String name = WalletUtils.generateWalletFile(passphrase.reveal(), pair, tmp.toFile(),
                        strength == Strength.STANDARD);
                Path written = tmp.resolve(name);
                ownerOnly(written);
                try {
                    Files.move(written, out, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(written, out);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            throw new KeyException("refusing to overwrite existing key file " + out);
        } catch (IOException | CipherException e) {
            throw new KeyException("cannot write key file " + out + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        return signer;
    }

    /** Decrypts {@code file}; a wrong passphrase or a damaged file is a {@link KeyException} naming the file. */
    public static LocalNodeSigner load(Path file, Passphrase passphrase) throws KeyException {
        if (!Files.isRegularFile(file)) {
            throw new KeyException("no key file at " + file + " (create one with: seqpool keys generate --out " + file
                    + ")");
        }
        Credentials credentials;
        try {
            credentials = WalletUtils.loadCredentials(passphrase.reveal(), file.toFile());
        } catch (CipherException e) {
            throw new KeyException("cannot decrypt key file " + file + ": wrong passphrase or damaged file");
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
            throw new KeyException("cannot read key file " + file + ": " + why);
        }
        BigInteger d = credentials.getEcKeyPair().getPrivateKey();
        byte[] key = Numeric.toBytesPadded(d, 32);
        try {
            LocalNodeSigner signer = LocalNodeSigner.fromPrivateKey(key);
            if (!signer.address().toHex().equalsIgnoreCase(credentials.getAddress())) {
                throw new KeyException("key file " + file + ": address mismatch between web3j and seqpool.codec");
            }
            return signer;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void ownerOnly(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing more we can do
        }
    }
}

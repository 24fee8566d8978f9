package seqpool.store.lmdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import seqpool.api.store.StoreException;

/**
 * The store's directory, held exclusively: LMDB must not be opened twice in one process, and two nodes sharing a
 * directory is an operator error, so the store takes an OS file lock on {@code seqpool.lock} (released by the OS
 * when the process dies, also on SIGKILL).
 */
final class StoreDirectory implements AutoCloseable {
    static final String LOCK_FILE = "seqpool.lock";

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreDirectory(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates the directory if needed and locks it; the error says which path and why. */
    static StoreDirectory lock(Path configured) throws StoreException {
        Path dir = configured.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException("store.path " + dir + " exists but is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new StoreException("store.path " + dir + " cannot be created: " + e, e);
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException("store.path " + dir + " is not writable by this process");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("store.path " + dir + ": cannot open " + LOCK_FILE + ": " + e, e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new StoreException("store.path " + dir + " is locked by another process (another node?)");
            }
            return new StoreDirectory(dir, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StoreException("store.path " + dir + " is already open in this process", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("store.path " + dir + ": cannot lock " + LOCK_FILE + ": " + e, e);
        } catch (StoreException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel close below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do: the lock dies with the channel
        }
    }
}

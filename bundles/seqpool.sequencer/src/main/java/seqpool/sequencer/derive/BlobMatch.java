package seqpool.sequencer.derive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * Puts served blobs in the order of a batch's versioned hashes, verifying each: a blob is used only if its own KZG
 * commitment hashes to the versioned hash L1 checked ({@code blobhash}), so a blob source cannot slip in other data.
 * Served blobs that are no blobs or belong to other transactions are ignored.
 */
final class BlobMatch {
    private BlobMatch() {
    }

    static List<Bytes> order(List<Hash32> wanted, List<Bytes> served, BlobHasher hasher) throws L1DataException {
        Map<Hash32, Bytes> byHash = new HashMap<>();
        List<String> refused = new ArrayList<>();
        for (Bytes blob : served) {
            try {
                byHash.putIfAbsent(hasher.versionedHash(blob), blob);
            } catch (L1DataException e) {
                refused.add(e.getMessage());
            }
        }
        List<Bytes> out = new ArrayList<>(wanted.size());
        for (int i = 0; i < wanted.size(); i++) {
            Bytes b = byHash.get(wanted.get(i));
            if (b == null) {
                throw new L1DataException("no served blob has versioned hash " + wanted.get(i) + " (blob " + i
                        + "; " + served.size() + " served" + (refused.isEmpty() ? "" : ", refused: " + refused.get(0))
                        + ")");
            }
            out.add(b);
        }
        return out;
    }
}

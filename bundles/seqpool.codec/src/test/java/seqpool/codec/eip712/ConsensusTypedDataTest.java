package seqpool.codec.eip712;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.StructuredDataEncoder;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/** Checks seqpool's EIP-712 hashing against web3j's independent implementation (StructuredDataEncoder). */
class ConsensusTypedDataTest {
    private static final Address POOL = Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    private static final String DOMAIN_TYPES = "\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},"
            + "{\"name\":\"version\",\"type\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\"},"
            + "{\"name\":\"verifyingContract\",\"type\":\"address\"}]";

    private static String domainJson(long chainId) {
        return "\"domain\":{\"name\":\"seqpool\",\"version\":\"1\",\"chainId\":" + chainId
                + ",\"verifyingContract\":\"" + POOL.toHex() + "\"}";
    }

    @ParameterizedTest
    @CsvSource({
        "1, 1, 0, 31337, 0x1111111111111111111111111111111111111111111111111111111111111111",
        "2, 42, 7, 1, 0xabcdef0000000000000000000000000000000000000000000000000000000001",
        "1, 18446744073709551, 4294967295, 31337, 0x0000000000000000000000000000000000000000000000000000000000000000",
    })
    void voteDigestMatchesWeb3j(int kind, long height, long round, long chainId, String blockId) throws Exception {
        String json = "{\"types\":{" + DOMAIN_TYPES + ",\"Vote\":[{\"name\":\"kind\",\"type\":\"uint8\"},"
                + "{\"name\":\"height\",\"type\":\"uint64\"},{\"name\":\"round\",\"type\":\"uint32\"},"
                + "{\"name\":\"blockId\",\"type\":\"bytes32\"}]},\"primaryType\":\"Vote\"," + domainJson(chainId)
                + ",\"message\":{\"kind\":" + kind + ",\"height\":" + height + ",\"round\":" + round
                + ",\"blockId\":\"" + blockId + "\"}}";
        byte[] expected = new StructuredDataEncoder(json).hashStructuredData();
        Hash32 ours = ConsensusTypedData.voteDigest(Eip712Domain.seqpool(chainId, POOL), kind, height, round,
                Hash32.fromHex(blockId));
        assertArrayEquals(expected, ours.value().toArray());
    }

    @ParameterizedTest
    @CsvSource({
        "1, 0, -1, 0x2222222222222222222222222222222222222222222222222222222222222222",
        "9, 5, 3, 0x00000000000000000000000000000000000000000000000000000000000000ff",
        "100, 2147483647, 2147483647, 0x0000000000000000000000000000000000000000000000000000000000000000",
    })
    void proposalDigestMatchesWeb3j(long height, long round, long validRound, String blockId) throws Exception {
        String json = "{\"types\":{" + DOMAIN_TYPES + ",\"Proposal\":[{\"name\":\"height\",\"type\":\"uint64\"},"
                + "{\"name\":\"round\",\"type\":\"uint32\"},{\"name\":\"validRound\",\"type\":\"int32\"},"
                + "{\"name\":\"blockId\",\"type\":\"bytes32\"}]},\"primaryType\":\"Proposal\"," + domainJson(31337)
                + ",\"message\":{\"height\":" + height + ",\"round\":" + round + ",\"validRound\":" + validRound
                + ",\"blockId\":\"" + blockId + "\"}}";
        byte[] expected = new StructuredDataEncoder(json).hashStructuredData();
        Hash32 ours = ConsensusTypedData.proposalDigest(Eip712Domain.seqpool(31337, POOL), height, round, validRound,
                Hash32.fromHex(blockId));
        assertArrayEquals(expected, ours.value().toArray());
    }

    @Test
    void domainSeparatesChainsAndKinds() {
        Hash32 id = Hash32.fromHex("0x1111111111111111111111111111111111111111111111111111111111111111");
        assertNotEquals(ConsensusTypedData.voteDigest(Eip712Domain.seqpool(1, POOL), 1, 1, 0, id),
                ConsensusTypedData.voteDigest(Eip712Domain.seqpool(2, POOL), 1, 1, 0, id));
        assertNotEquals(ConsensusTypedData.voteDigest(Eip712Domain.seqpool(1, POOL), 1, 1, 0, id),
                ConsensusTypedData.voteDigest(Eip712Domain.seqpool(1, POOL), 2, 1, 0, id));
        assertEquals(Eip712Domain.seqpool(1, POOL).separator(), Eip712Domain.seqpool(1, POOL).separator());
    }

    @Test
    void rejectsOutOfRangeFields() {
        assertThrows(IllegalArgumentException.class, () -> ConsensusTypedData.voteHash(3, 1, 0, Hash32.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ConsensusTypedData.voteHash(1, -1, 0, Hash32.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ConsensusTypedData.proposalHash(1, 0, -2, Hash32.ZERO));
    }
}

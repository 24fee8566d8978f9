// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title FROST(secp256k1, SHA-256) signature verification (RFC 9591, ciphersuite FROST-secp256k1-SHA256-v1).
/// @notice Checks z*G == R + c*PK with c = H2(enc(R) || enc(PK) || msg), using the ecrecover precompile:
///         ecrecover(h = -z*PKx, v = 27 + parity(PK), r = PKx, s = -c*PKx) returns address(z*G - c*PK),
///         which must equal address(R).
/// @dev H2 is RFC 9591's: hash_to_field(enc(R) || enc(PK) || msg, 1) with expand_message_xmd(SHA-256), L = 48,
///      DST = "FROST-secp256k1-SHA256-v1" || "chal", reduced mod n. With L = 48 and SHA-256, expand_message_xmd needs
///      b_0, b_1 and b_2: three SHA-256 precompile calls is the minimum. Everything that does not depend on the
///      signature (the Z_pad block, I2OSP(L, 2) || I2OSP(0, 1) || DST_prime, the per-block suffixes) is a constant,
///      and enc(PK) comes in as the key's SEC1 prefix (stored at registration) and PKx.
///      Caller guarantees (checked when the key is registered): PK is on the curve, 0 < PKx < n, pkPrefix is 2 or 3
///      with the parity of PKy. This library checks z < n, that R = (rx, ry) is on the curve (without that check an
///      attacker could search for a non-curve (x, y) whose keccak address collides with address(z*G - c*PK), a
///      ~2^80 attack) and that c != 0 (ecrecover would reject s == 0 anyway).
library FrostSecp256k1 {
    /// secp256k1 group order n.
    uint256 internal constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
    /// secp256k1 field prime p.
    uint256 internal constant P = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F;

    // DST_prime for H2 = "FROST-secp256k1-SHA256-v1" || "chal" || I2OSP(29, 1) (RFC 9591 §6.5, RFC 9380 §5.3.1).

    /// End of msg_prime after msg: I2OSP(48, 2) || I2OSP(0, 1) || DST (29 bytes) = 32 bytes; DST_prime's last byte
    /// I2OSP(29, 1) follows.
    bytes32 private constant B0_TAIL = "\x00\x30\x00FROST-secp256k1-SHA256-v1chal";
    /// Input of b_i after its first 32 bytes: I2OSP(i, 1) || DST_prime (31 bytes), with i = 0 here (or-ed in).
    bytes32 private constant BI_SUFFIX = "\x00FROST-secp256k1-SHA256-v1chal\x1d";

    /// True iff (x, y) is an affine point of y^2 = x^3 + 7 with coordinates below p.
    function isOnCurve(uint256 x, uint256 y) internal pure returns (bool) {
        if (x >= P || y >= P) {
            return false;
        }
        uint256 rhs = addmod(mulmod(mulmod(x, x, P), x, P), 7, P);
        return mulmod(y, y, P) == rhs;
    }

    /// Square root of x^3 + 7 with the requested parity (decompression of a SEC1 compressed point), via the modexp
    /// precompile (p = 3 mod 4, so y = rhs^((p+1)/4)). Returns ok = false when x is not the abscissa of a curve point.
    function decompress(uint256 x, uint8 prefix) internal view returns (bool ok, uint256 y) {
        if (x >= P || (prefix != 2 && prefix != 3)) {
            return (false, 0);
        }
        uint256 rhs = addmod(mulmod(mulmod(x, x, P), x, P), 7, P);
        uint256 root;
        bool success;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, 0x20)
            mstore(add(m, 0x20), 0x20)
            mstore(add(m, 0x40), 0x20)
            mstore(add(m, 0x60), rhs)
            mstore(add(m, 0x80), 0x3fffffffffffffffffffffffffffffffffffffffffffffffffffffffbfffff0c)
            mstore(add(m, 0xa0), P)
            success := staticcall(gas(), 0x05, m, 0xc0, m, 0x20)
            root := mload(m)
        }
        if (!success || mulmod(root, root, P) != rhs) {
            return (false, 0);
        }
        if ((root & 1) != (prefix & 1)) {
            root = P - root;
        }
        return (true, root);
    }

    /// Verifies the FROST signature (R, z) = ((rx, ry), z) on the 32-byte message `digest` under the key (pkx, pkPrefix),
    /// where pkPrefix is the SEC1 prefix of the key (2 + parity of PKy). The pool-signature path: no memory allocated.
    function verifyDigest(uint256 pkx, uint256 pkPrefix, bytes32 digest, uint256 rx, uint256 ry, uint256 z)
        internal
        view
        returns (bool)
    {
        uint256 msgPtr;
        assembly ("memory-safe") {
            // the digest goes straight to its place in msg_prime (see _verify), so the copy there is a no-op
            msgPtr := add(mload(0x40), 0x82)
            mstore(msgPtr, digest)
        }
        return _verify(pkx, pkPrefix, msgPtr, 32, rx, ry, z);
    }

    /// Verifies the FROST signature (R, z) on an arbitrary message under the key (pkx, pkPrefix).
    function verify(uint256 pkx, uint256 pkPrefix, bytes memory message, uint256 rx, uint256 ry, uint256 z)
        internal
        view
        returns (bool)
    {
        uint256 msgPtr;
        assembly ("memory-safe") {
            msgPtr := add(message, 0x20)
        }
        return _verify(pkx, pkPrefix, msgPtr, message.length, rx, ry, z);
    }

    /// The whole check in one assembly block: z < n, R on the curve, c = H2(enc(R) || enc(PK) || msg) != 0, and
    /// ecrecover(-z*PKx, 27 + parity(PK), PKx, -c*PKx) == address(R). msg is memory [msgPtr, msgPtr + msgLen);
    /// msg_prime is built at the free memory pointer (scratch, not allocated), msg copied to offset 0x82 in it.
    function _verify(uint256 pkx, uint256 pkPrefix, uint256 msgPtr, uint256 msgLen, uint256 rx, uint256 ry, uint256 z)
        private
        view
        returns (bool ok)
    {
        assembly ("memory-safe") {
            // z < n; R on the curve: coordinates below p and y^2 = x^3 + 7
            ok := and(and(lt(z, N), lt(rx, P)), and(lt(ry, P),
                eq(mulmod(ry, ry, P), addmod(mulmod(mulmod(rx, rx, P), rx, P), 7, P))))
            if ok {
                let m := mload(0x40)
                // msg_prime = Z_pad(64) || enc(R)(33) || enc(PK)(33) || msg || I2OSP(48, 2) || I2OSP(0, 1) || DST_prime
                mcopy(add(m, 0x82), msgPtr, msgLen) // first, before anything overwrites the source
                mstore(m, 0)
                mstore(add(m, 0x20), 0)
                mstore8(add(m, 0x40), add(2, and(ry, 1)))
                mstore(add(m, 0x41), rx)
                mstore8(add(m, 0x61), pkPrefix)
                mstore(add(m, 0x62), pkx)
                let t := add(add(m, 0x82), msgLen)
                mstore(t, B0_TAIL)
                mstore8(add(t, 0x20), 0x1d)
                ok := staticcall(gas(), 0x02, m, add(msgLen, 0xa3), 0x00, 0x20)
                let b0 := mload(0x00)
                // b_1 = H(b_0 || I2OSP(1, 1) || DST_prime)
                mstore(m, b0)
                mstore(add(m, 0x20), or(BI_SUFFIX, shl(248, 1)))
                ok := and(ok, staticcall(gas(), 0x02, m, 63, 0x00, 0x20))
                let b1 := mload(0x00)
                // b_2 = H(strxor(b_0, b_1) || I2OSP(2, 1) || DST_prime)
                mstore(m, xor(b0, b1))
                mstore(add(m, 0x20), or(BI_SUFFIX, shl(248, 2)))
                ok := and(ok, staticcall(gas(), 0x02, m, 63, 0x20, 0x20))
                // c = OS2IP(b_1 || b_2[0..16)) mod n; c != 0, else s = 0 (which ecrecover rejects)
                let c := addmod(mulmod(b1, shl(128, 1), N), shr(128, mload(0x20)), N)
                ok := and(ok, iszero(iszero(c)))
                // expected = address(R)
                mstore(m, rx)
                mstore(add(m, 0x20), ry)
                let expected := and(keccak256(m, 0x40), 0xffffffffffffffffffffffffffffffffffffffff)
                // ecrecover(h = -z*PKx, v = 27 + parity(PK), r = PKx, s = -c*PKx) = address(z*G - c*PK)
                // (z < n so N - z is in [1, n]; 0 < c < n and 0 < PKx < n so s is in [1, n))
                mstore(m, mulmod(sub(N, z), pkx, N))
                mstore(add(m, 0x20), add(25, pkPrefix))
                mstore(add(m, 0x40), pkx)
                mstore(add(m, 0x60), mulmod(sub(N, c), pkx, N))
                mstore(0x00, 0) // an invalid input makes ecrecover return nothing
                ok := and(ok, staticcall(gas(), 0x01, m, 0x80, 0x00, 0x20))
                let recovered := mload(0x00)
                ok := and(ok, and(iszero(iszero(recovered)), eq(recovered, expected)))
            }
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title FROST(secp256k1, SHA-256) signature verification (RFC 9591, ciphersuite FROST-secp256k1-SHA256-v1).
/// @notice Checks z*G == R + c*PK with c = H2(enc(R) || enc(PK) || msg), using the ecrecover precompile:
///         ecrecover(h = -z*PKx, v = 27 + parity(PK), r = PKx, s = -c*PKx) returns address(z*G - c*PK),
///         which must equal address(R).
/// @dev Caller guarantees (checked when the key is registered): PK is on the curve and PKx < n.
///      This library checks z < n and that R is on the curve (without that check an attacker could search for a
///      non-curve (x, y) whose keccak address collides with address(z*G - c*PK), a ~2^80 attack).
library FrostSecp256k1 {
    /// secp256k1 group order n.
    uint256 internal constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
    /// secp256k1 field prime p.
    uint256 internal constant P = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F;

    /// DST_prime for H2 = "FROST-secp256k1-SHA256-v1" || "chal" || I2OSP(len, 1) (RFC 9591 §6.5, RFC 9380 §5.3.1).
    bytes internal constant H2_DST_PRIME = "FROST-secp256k1-SHA256-v1chal\x1d";

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

    /// RFC 9591 H2 for this ciphersuite: hash_to_field(m, 1) with expand_message_xmd(SHA-256), L = 48, mod n.
    function challenge(uint256 rx, uint256 ry, uint256 pkx, uint256 pky, bytes memory message)
        internal
        pure
        returns (uint256)
    {
        bytes memory dstPrime = H2_DST_PRIME;
        // msg_prime = Z_pad(64) || msg || I2OSP(48, 2) || I2OSP(0, 1) || DST_prime, with msg = enc(R) || enc(PK) || m
        bytes32 b0 = sha256(
            abi.encodePacked(
                bytes32(0),
                bytes32(0),
                uint8(2 + (ry & 1)),
                rx,
                uint8(2 + (pky & 1)),
                pkx,
                message,
                uint16(48),
                uint8(0),
                dstPrime
            )
        );
        bytes32 b1 = sha256(abi.encodePacked(b0, uint8(1), dstPrime));
        bytes32 b2 = sha256(abi.encodePacked(b0 ^ b1, uint8(2), dstPrime));
        // uniform_bytes = b1 || b2[0..16); OS2IP(uniform_bytes) mod n
        return addmod(mulmod(uint256(b1), 1 << 128, N), uint256(b2) >> 128, N);
    }

    /// Verifies the FROST signature (R, z) on message under the group key (pkx, pky).
    function verify(uint256 pkx, uint256 pky, bytes memory message, uint256 rx, uint256 ry, uint256 z)
        internal
        pure
        returns (bool)
    {
        if (z >= N || !isOnCurve(rx, ry) || pkx >= N) {
            return false;
        }
        uint256 c = challenge(rx, ry, pkx, pky, message);
        uint256 h = N - mulmod(z, pkx, N);
        uint256 s = N - mulmod(c, pkx, N);
        if (h == N) {
            h = 0;
        }
        if (s == N) {
            return false; // c == 0: ecrecover would reject s == 0
        }
        address expected = address(uint160(uint256(keccak256(abi.encodePacked(rx, ry)))));
        address recovered = ecrecover(bytes32(h), uint8(27 + (pky & 1)), bytes32(pkx), bytes32(s));
        return recovered != address(0) && recovered == expected;
    }
}

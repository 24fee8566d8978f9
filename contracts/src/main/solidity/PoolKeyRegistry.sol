// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {FrostSecp256k1} from "./lib/FrostSecp256k1.sol";
import {PoolDigest} from "./lib/PoolDigest.sol";
import {IPoolSignatureVerifier} from "./IPoolSignatureVerifier.sol";

/// @title The pool's threshold key and its two signature schemes (ECDSA and FROST(secp256k1, SHA-256)).
/// @notice The admin registers the first key once; afterwards only `rotatePoolKey`, signed by the current key,
///         changes it. Signature encoding (first byte = scheme):
///         0x01 ECDSA:            0x01 || r(32) || s(32) || v(1, 27/28), low s       (66 bytes)
///         0x02 FROST:            0x02 || Rx(32) || Ry(32) || z(32)                    (97 bytes)
///         0x03 FROST compressed: 0x03 || R(33, SEC1 compressed) || z(32) (RFC 9591)  (66 bytes)
contract PoolKeyRegistry is Ownable2Step, IPoolSignatureVerifier {
    uint8 public constant SCHEME_ECDSA = 1;
    uint8 public constant SCHEME_FROST = 2;
    uint8 public constant SCHEME_FROST_COMPRESSED = 3;

    /// What every signature check reads, packed in one storage slot: the ECDSA address, the generation (0 = no key
    /// yet) and the key's SEC1 prefix (2 + parity of keyY), which with keyX is enc(PK) in the FROST challenge and
    /// gives ecrecover's v in the FROST check. A FROST check reads this slot and keyX; an ECDSA check this slot only.
    struct KeyState {
        address poolAddress;
        uint64 generation;
        uint8 prefix;
    }

    uint256 public keyX;
    uint256 public keyY;
    KeyState private _key;

    error PoolKeyAlreadyRegistered();
    error PoolKeyNotRegistered();
    error InvalidPoolKey();
    error SamePoolKey();
    error EmptySignature();
    error UnknownSignatureScheme(uint8 scheme);
    error BadSignatureLength(uint8 scheme, uint256 length);
    error HighSSignature(bytes32 s);
    error InvalidPoolSignature(uint8 scheme);

    event PoolKeyRegistered(uint64 generation, address indexed poolAddress, uint256 x, uint256 y);
    event PoolKeyRotated(uint64 generation, address indexed oldPoolAddress, address indexed newPoolAddress, uint256 x, uint256 y);

    constructor(address admin) Ownable(admin) {}

    /// One-time registration of the first pool key (64-byte uncompressed public key without the 0x04 prefix).
    function registerInitialKey(bytes calldata pubkey) external onlyOwner {
        if (_key.generation != 0) revert PoolKeyAlreadyRegistered();
        (uint256 x, uint256 y) = _parseKey(pubkey);
        _setKey(x, y);
        emit PoolKeyRegistered(_key.generation, _key.poolAddress, x, y);
    }

    /// Switches to `newPubkey`; `signature` is the current key's signature on
    /// digest(ROTATE_POOL_KEY, keccak256(abi.encode(keyGeneration, newX, newY))).
    function rotatePoolKey(bytes calldata newPubkey, bytes calldata signature) external {
        if (_key.generation == 0) revert PoolKeyNotRegistered();
        (uint256 x, uint256 y) = _parseKey(newPubkey);
        if (x == keyX && y == keyY) revert SamePoolKey();
        bytes32 digest = PoolDigest.digest(PoolDigest.ROTATE_POOL_KEY, keccak256(abi.encode(_key.generation, x, y)));
        _check(digest, signature);
        address old = _key.poolAddress;
        _setKey(x, y);
        emit PoolKeyRotated(_key.generation, old, _key.poolAddress, x, y);
    }

    /// The digest `rotatePoolKey` expects to be signed for `newPubkey` at the current generation.
    function rotationDigest(bytes calldata newPubkey) external view returns (bytes32) {
        (uint256 x, uint256 y) = _parseKey(newPubkey);
        return PoolDigest.digest(PoolDigest.ROTATE_POOL_KEY, keccak256(abi.encode(_key.generation, x, y)));
    }

    /// The pool key's address (keccak of the 64-byte key): the signer of ECDSA pool signatures.
    function poolAddress() external view returns (address) {
        return _key.poolAddress;
    }

    /// The current key generation (0 before registration, +1 per rotation).
    function keyGeneration() public view override returns (uint64) {
        return _key.generation;
    }

    /// SEC1 prefix of the key: 2 if keyY is even, 3 if odd (0 before registration).
    function keyPrefix() external view returns (uint8) {
        return _key.prefix;
    }

    function checkSignature(bytes32 digest, bytes calldata signature) external view override returns (bool) {
        _check(digest, signature);
        return true;
    }

    /// Verifies a FROST signature (scheme 0x02 or 0x03) on an arbitrary message under the current key, as RFC 9591
    /// defines it (no domain separation: used to check published test vectors and off-chain tooling).
    function verifyFrostMessage(bytes calldata message, bytes calldata signature) external view returns (bool) {
        if (_key.generation == 0) revert PoolKeyNotRegistered();
        (uint256 rx, uint256 ry, uint256 z) = _parseFrost(signature);
        return FrostSecp256k1.verify(keyX, _key.prefix, message, rx, ry, z);
    }

    function _check(bytes32 digest, bytes calldata signature) internal view {
        // _key in one SLOAD (struct members are packed from the lowest-order bytes: address, uint64, uint8)
        uint256 word;
        assembly ("memory-safe") {
            word := sload(_key.slot)
        }
        if (uint64(word >> 160) == 0) revert PoolKeyNotRegistered();
        uint256 prefix = uint8(word >> 224);
        if (signature.length == 0) revert EmptySignature();
        uint8 scheme = uint8(signature[0]);
        if (scheme == SCHEME_FROST) {
            // the pool's usual form: R as (x, y), checked on the curve by the library; no decompression
            if (signature.length != 97) revert BadSignatureLength(scheme, signature.length);
            uint256 rx;
            uint256 ry;
            uint256 z;
            assembly ("memory-safe") {
                rx := calldataload(add(signature.offset, 1))
                ry := calldataload(add(signature.offset, 33))
                z := calldataload(add(signature.offset, 65))
            }
            if (!FrostSecp256k1.verifyDigest(keyX, prefix, digest, rx, ry, z)) revert InvalidPoolSignature(scheme);
        } else if (scheme == SCHEME_ECDSA) {
            if (signature.length != 66) revert BadSignatureLength(scheme, signature.length);
            bytes32 r = bytes32(signature[1:33]);
            bytes32 s = bytes32(signature[33:65]);
            uint8 v = uint8(signature[65]);
            (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(digest, v, r, s);
            if (err == ECDSA.RecoverError.InvalidSignatureS) revert HighSSignature(s);
            if (err != ECDSA.RecoverError.NoError || signer != address(uint160(word))) revert InvalidPoolSignature(scheme);
        } else if (scheme == SCHEME_FROST_COMPRESSED) {
            (uint256 rx, uint256 ry, uint256 z) = _parseFrost(signature);
            if (!FrostSecp256k1.verifyDigest(keyX, prefix, digest, rx, ry, z)) revert InvalidPoolSignature(scheme);
        } else {
            revert UnknownSignatureScheme(scheme);
        }
    }

    function _parseFrost(bytes calldata signature) internal view returns (uint256 rx, uint256 ry, uint256 z) {
        if (signature.length == 0) revert EmptySignature();
        uint8 scheme = uint8(signature[0]);
        if (scheme == SCHEME_FROST) {
            if (signature.length != 97) revert BadSignatureLength(scheme, signature.length);
            rx = uint256(bytes32(signature[1:33]));
            ry = uint256(bytes32(signature[33:65]));
            z = uint256(bytes32(signature[65:97]));
        } else if (scheme == SCHEME_FROST_COMPRESSED) {
            if (signature.length != 66) revert BadSignatureLength(scheme, signature.length);
            rx = uint256(bytes32(signature[2:34]));
            bool ok;
            (ok, ry) = FrostSecp256k1.decompress(rx, uint8(signature[1]));
            if (!ok) revert InvalidPoolSignature(scheme);
            z = uint256(bytes32(signature[34:66]));
        } else {
            revert UnknownSignatureScheme(scheme);
        }
    }

    function _parseKey(bytes calldata pubkey) internal pure returns (uint256 x, uint256 y) {
        if (pubkey.length != 64) revert InvalidPoolKey();
        x = uint256(bytes32(pubkey[0:32]));
        y = uint256(bytes32(pubkey[32:64]));
        // x < n is needed by the FROST ecrecover trick (r = PKx must be a valid ECDSA r).
        if (x == 0 || x >= FrostSecp256k1.N || !FrostSecp256k1.isOnCurve(x, y)) revert InvalidPoolKey();
    }

    function _setKey(uint256 x, uint256 y) internal {
        keyX = x;
        keyY = y;
        _key = KeyState({
            poolAddress: address(uint160(uint256(keccak256(abi.encodePacked(x, y))))),
            generation: _key.generation + 1,
            prefix: uint8(2 + (y & 1))
        });
    }
}

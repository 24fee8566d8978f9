// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IPoolSignatureVerifier} from "./IPoolSignatureVerifier.sol";
import {PoolDigest} from "./lib/PoolDigest.sol";

/// @title L1 inbox of L2 batches signed by the pool key.
/// @notice Batches are numbered 1, 2, 3, ... and cover contiguous L2 ranges starting at the genesis L2 block.
///         The data travels either in this call's calldata (dataKind 0, dataHashes = [keccak256(data)]) or in
///         EIP-4844 blobs of this transaction (dataKind 1, dataHashes = the blobs' versioned hashes, checked with
///         blobhash; the transaction must carry exactly these blobs, in order).
/// @dev Storage per batch: two slots rewritten (the packed continuity state and the last header hash), no new slot;
///      every batch's header hash and fields are in its BatchAppended event (docs/gas.md).
contract BatchInbox {
    uint8 public constant DATA_CALLDATA = 0;
    uint8 public constant DATA_BLOBS = 1;

    struct BatchHeader {
        uint64 index;
        uint64 firstL2Block;
        uint64 lastL2Block;
        bytes32 blockHashesCommitment;
        bytes32 postStateRoot;
        uint8 dataKind;
        bytes32[] dataHashes;
    }

    IPoolSignatureVerifier public immutable poolVerifier;
    uint64 public immutable genesisL2Block;

    /// lastBatchIndex in bits 0..63, lastL2Block in bits 64..127: one slot, read and written once per batch.
    uint256 private _progress;
    /// headerHash of batch lastBatchIndex (0 before the first batch).
    bytes32 public lastHeaderHash;

    error NonContiguousBatch(uint64 expectedIndex, uint64 index, uint64 expectedFirstL2Block, uint64 firstL2Block);
    error EmptyRange(uint64 firstL2Block, uint64 lastL2Block);
    error UnknownDataKind(uint8 dataKind);
    error DataHashMismatch(bytes32 expected, bytes32 actual);
    error BlobHashMismatch(uint256 blobIndex, bytes32 expected, bytes32 actual);
    error UnexpectedBlobOrData();

    event BatchAppended(uint64 indexed index, uint64 firstL2Block, uint64 lastL2Block, bytes32 blockHashesCommitment,
        bytes32 postStateRoot, uint8 dataKind, bytes32 dataCommitment, bytes32 headerHash);

    constructor(IPoolSignatureVerifier verifier, uint64 firstL2Block) {
        poolVerifier = verifier;
        genesisL2Block = firstL2Block;
    }

    /// Index of the last appended batch (0 before the first).
    function lastBatchIndex() public view returns (uint64) {
        return uint64(_progress);
    }

    /// Last L2 block covered by the appended batches (0 before the first batch).
    function lastL2Block() public view returns (uint64) {
        return uint64(_progress >> 64);
    }

    /// Appends the next batch; `data` is the batch data for dataKind 0 and must be empty for blobs.
    function appendBatch(BatchHeader calldata header, bytes calldata data, bytes calldata poolSignature) external {
        uint256 progress = _checkContinuity(header);
        _checkData(header.dataKind, header.dataHashes, data);
        bytes32 headerHash = _headerHash(header);
        poolVerifier.checkSignature(PoolDigest.digest(PoolDigest.APPEND_BATCH, headerHash), poolSignature);
        _progress = progress;
        lastHeaderHash = headerHash;
        emit BatchAppended(header.index, header.firstL2Block, header.lastL2Block, header.blockHashesCommitment,
            header.postStateRoot, header.dataKind, _dataCommitment(header.dataHashes), headerHash);
    }

    /// Checks that `header` is the next batch and covers a non-empty range right after the last one; returns the
    /// packed progress after it.
    function _checkContinuity(BatchHeader calldata header) internal view returns (uint256) {
        uint256 progress = _progress;
        uint64 prevIndex = uint64(progress);
        uint64 index = header.index;
        uint64 first = header.firstL2Block;
        uint64 expectedFirst = prevIndex == 0 ? genesisL2Block : uint64(progress >> 64) + 1;
        if (index != prevIndex + 1 || first != expectedFirst) {
            revert NonContiguousBatch(prevIndex + 1, index, expectedFirst, first);
        }
        uint64 last = header.lastL2Block;
        if (last < first) revert EmptyRange(first, last);
        return (uint256(last) << 64) | index;
    }

    /// The digest the pool signs for `header` (PoolDigest over the header hash).
    function batchDigest(BatchHeader calldata header) external view returns (bytes32) {
        return PoolDigest.digest(PoolDigest.APPEND_BATCH, _headerHash(header));
    }

    /// keccak256(abi.encode(index, firstL2Block, lastL2Block, blockHashesCommitment, postStateRoot, dataKind,
    /// dataHashes)), computed as the keccak of the header's own calldata bytes: the ABI encoding of the BatchHeader
    /// tuple is exactly that byte string when it is canonical (7 head words, dataHashes at offset 0xe0, then its
    /// length and elements). A non-canonical encoding (dirty high bits, another offset, trailing words) hashes to
    /// something else, which no pool signature covers; a canonical one is what the field reads of appendBatch see.
    function _headerHash(BatchHeader calldata header) internal pure returns (bytes32 h) {
        uint256 n = header.dataHashes.length; // validates the offset and the length against calldatasize
        assembly ("memory-safe") {
            let m := mload(0x40)
            let len := add(0x100, shl(5, n)) // 7 head words + length word + n elements
            calldatacopy(m, header, len)
            h := keccak256(m, len)
        }
    }

    /// keccak256(abi.encodePacked(dataHashes)).
    function _dataCommitment(bytes32[] calldata dataHashes) internal pure returns (bytes32 c) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            let len := shl(5, dataHashes.length)
            calldatacopy(m, dataHashes.offset, len)
            c := keccak256(m, len)
        }
    }

    function _checkData(uint8 kind, bytes32[] calldata dataHashes, bytes calldata data) internal view {
        uint256 n = dataHashes.length;
        if (kind == DATA_CALLDATA) {
            if (n != 1 || blobhash(0) != bytes32(0)) revert UnexpectedBlobOrData();
            bytes32 actual = keccak256(data);
            if (actual != dataHashes[0]) revert DataHashMismatch(dataHashes[0], actual);
        } else if (kind == DATA_BLOBS) {
            if (n == 0 || data.length != 0) revert UnexpectedBlobOrData();
            for (uint256 i = 0; i < n; i++) {
                bytes32 actual = blobhash(i);
                if (actual != dataHashes[i]) revert BlobHashMismatch(i, dataHashes[i], actual);
            }
            if (blobhash(n) != bytes32(0)) revert BlobHashMismatch(n, bytes32(0), blobhash(n));
        } else {
            revert UnknownDataKind(kind);
        }
    }
}

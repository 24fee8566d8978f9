// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IPoolSignatureVerifier} from "./IPoolSignatureVerifier.sol";
import {PoolDigest} from "./lib/PoolDigest.sol";

/// @title L1 inbox of L2 batches signed by the pool key.
/// @notice Batches are numbered 1, 2, 3, ... and cover contiguous L2 ranges starting at the genesis L2 block.
///         The data travels either in this call's calldata (dataKind 0, dataHashes = [keccak256(data)]) or in
///         EIP-4844 blobs of this transaction (dataKind 1, dataHashes = the blobs' versioned hashes, checked with
///         blobhash; the transaction must carry exactly these blobs, in order).
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

    uint64 public lastBatchIndex;
    uint64 public lastL2Block;
    bytes32 public lastPostStateRoot;
    mapping(uint64 => bytes32) public batchHeaderHash;

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

    /// Appends the next batch; `data` is the batch data for dataKind 0 and must be empty for blobs.
    function appendBatch(BatchHeader calldata header, bytes calldata data, bytes calldata poolSignature) external {
        uint64 expectedFirst = lastBatchIndex == 0 ? genesisL2Block : lastL2Block + 1;
        if (header.index != lastBatchIndex + 1 || header.firstL2Block != expectedFirst) {
            revert NonContiguousBatch(lastBatchIndex + 1, header.index, expectedFirst, header.firstL2Block);
        }
        if (header.lastL2Block < header.firstL2Block) revert EmptyRange(header.firstL2Block, header.lastL2Block);
        _checkData(header, data);
        bytes32 headerHash = keccak256(abi.encode(header.index, header.firstL2Block, header.lastL2Block,
            header.blockHashesCommitment, header.postStateRoot, header.dataKind, header.dataHashes));
        poolVerifier.checkSignature(PoolDigest.digest(PoolDigest.APPEND_BATCH, headerHash), poolSignature);
        lastBatchIndex = header.index;
        lastL2Block = header.lastL2Block;
        lastPostStateRoot = header.postStateRoot;
        batchHeaderHash[header.index] = headerHash;
        emit BatchAppended(header.index, header.firstL2Block, header.lastL2Block, header.blockHashesCommitment,
            header.postStateRoot, header.dataKind, keccak256(abi.encodePacked(header.dataHashes)), headerHash);
    }

    /// The digest the pool signs for `header` (PoolDigest over the header hash).
    function batchDigest(BatchHeader calldata header) external view returns (bytes32) {
        bytes32 headerHash = keccak256(abi.encode(header.index, header.firstL2Block, header.lastL2Block,
            header.blockHashesCommitment, header.postStateRoot, header.dataKind, header.dataHashes));
        return PoolDigest.digest(PoolDigest.APPEND_BATCH, headerHash);
    }

    function _checkData(BatchHeader calldata header, bytes calldata data) internal view {
        uint256 n = header.dataHashes.length;
        if (header.dataKind == DATA_CALLDATA) {
            if (n != 1 || blobhash(0) != bytes32(0)) revert UnexpectedBlobOrData();
            bytes32 actual = keccak256(data);
            if (actual != header.dataHashes[0]) revert DataHashMismatch(header.dataHashes[0], actual);
        } else if (header.dataKind == DATA_BLOBS) {
            if (n == 0 || data.length != 0) revert UnexpectedBlobOrData();
            for (uint256 i = 0; i < n; i++) {
                bytes32 actual = blobhash(i);
                if (actual != header.dataHashes[i]) revert BlobHashMismatch(i, header.dataHashes[i], actual);
            }
            if (blobhash(n) != bytes32(0)) revert BlobHashMismatch(n, bytes32(0), blobhash(n));
        } else {
            revert UnknownDataKind(header.dataKind);
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Domain-separated digests of messages signed by the pool key (docs/contracts.md, "Pool-signature digest").
/// @notice digest = keccak256(abi.encode(POOL_MESSAGE_TAG, block.chainid, verifyingContract, purpose, payloadHash))
///         where payloadHash = keccak256(abi.encode(<purpose fields>)) and every payload starts with the sequence
///         number the verifying contract expects next, so a signature is valid once, on one chain, in one contract,
///         for one purpose.
library PoolDigest {
    bytes32 internal constant POOL_MESSAGE_TAG = keccak256("seqpool.PoolMessage.v1");

    bytes32 internal constant ROTATE_POOL_KEY = keccak256("seqpool.RotatePoolKey");
    bytes32 internal constant SUBMIT_REWARDS = keccak256("seqpool.SubmitRewards");
    bytes32 internal constant SLASH = keccak256("seqpool.Slash");
    bytes32 internal constant JAIL = keccak256("seqpool.Jail");
    bytes32 internal constant COMMIT_EPOCH = keccak256("seqpool.CommitEpoch");
    bytes32 internal constant RECOMMIT_EPOCH = keccak256("seqpool.RecommitEpoch");
    bytes32 internal constant APPEND_BATCH = keccak256("seqpool.AppendBatch");

    function digest(bytes32 purpose, bytes32 payloadHash) internal view returns (bytes32) {
        return keccak256(abi.encode(POOL_MESSAGE_TAG, block.chainid, address(this), purpose, payloadHash));
    }
}

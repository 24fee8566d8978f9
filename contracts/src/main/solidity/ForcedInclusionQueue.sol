// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title L1 queue of L2 transactions the pool must include (forced inclusion).
/// @notice Anyone enqueues a signed L2 transaction (its raw bytes, exactly as `eth_sendRawTransaction` takes them)
///         with `enqueue`, paying `fee` wei. Messages are numbered 0, 1, 2, ... in L1 order. Once the pool has
///         committed a message (the bridge's confirmations, then consensus), the L2 producer must put it at the start
///         of a block within the pool's `forcedInclusionBlocks`, and validators reject a block that skips a due
///         message. The contract has no owner and no pause: nobody, the pool included, can stop the queue.
///         Spam protection: a flat fee per message, kept by the contract for good (burnt: there is no way to take it
///         out, so no recipient can make `enqueue` revert either), plus the L1 calldata cost, and a size bound
///         (`MAX_TX_BYTES`) that keeps every message within one consensus transaction.
///         `accumulator` chains every message (keccak256 of the previous value, the index and the transaction's
///         hash), so a later contract can check on L1 which messages a batch consumed.
contract ForcedInclusionQueue {
    /// Largest transaction accepted: the event's ABI-encoded data (64 + 16,000 bytes) stays within the 16 KiB the
    /// pool's consensus transactions carry for one L1 event.
    uint256 public constant MAX_TX_BYTES = 16_000;

    /// Wei to pay with each message (exactly).
    uint256 public immutable fee;

    /// Messages enqueued so far; the next message gets this index.
    uint64 public length;

    /// keccak256(previous accumulator, index, keccak256(signedTx)) over every message; zero before the first.
    bytes32 public accumulator;

    error EmptyTransaction();
    error TransactionTooLarge(uint256 size, uint256 maxSize);
    error WrongFee(uint256 paid, uint256 required);

    event ForcedTransactionQueued(uint64 indexed index, address indexed sender, bytes signedTx);

    constructor(uint256 messageFee) {
        fee = messageFee;
    }

    /// Enqueues `signedTx` and returns its index. Reverts on an empty or oversized transaction or a fee other than
    /// `fee`. The content is not checked here: a transaction that is invalid at its turn on L2 (undecodable, bad
    /// signature, nonce, funds) is consumed without effect, the same way on every node.
    function enqueue(bytes calldata signedTx) external payable returns (uint64 index) {
        if (signedTx.length == 0) revert EmptyTransaction();
        if (signedTx.length > MAX_TX_BYTES) revert TransactionTooLarge(signedTx.length, MAX_TX_BYTES);
        if (msg.value != fee) revert WrongFee(msg.value, fee);
        index = length;
        length = index + 1;
        accumulator = keccak256(abi.encode(accumulator, index, keccak256(signedTx)));
        emit ForcedTransactionQueued(index, msg.sender, signedTx);
    }
}

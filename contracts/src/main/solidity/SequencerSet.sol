// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IPoolSignatureVerifier} from "./IPoolSignatureVerifier.sol";
import {PoolDigest} from "./lib/PoolDigest.sol";

/// @title The committed producer schedule: epochs of contiguous L2 block ranges, each with its producer(s).
/// @notice commitEpoch appends the next epoch (ids 1, 2, 3, ...; ranges contiguous from the genesis L2 block);
///         recommitEpoch rotates the producer for the rest of the current epoch. Both need the pool's signature.
contract SequencerSet {
    struct Segment {
        uint64 epochId;
        uint64 firstL2Block;
        uint64 lastL2Block;
        address producer;
    }

    struct Epoch {
        uint64 id;
        uint64 firstL2Block;
        uint64 lastL2Block;
        uint32 rotations;
    }

    IPoolSignatureVerifier public immutable poolVerifier;
    uint64 public immutable genesisL2Block;

    uint64 public currentEpochId;
    mapping(uint64 => Epoch) internal epochs;
    Segment[] internal segments; // ordered by firstL2Block, contiguous

    error NonContiguousEpoch(uint64 expectedId, uint64 id, uint64 expectedFirstL2Block, uint64 firstL2Block);
    error EmptyRange(uint64 firstL2Block, uint64 lastL2Block);
    error InvalidProducer(address producer);
    error NotCurrentEpoch(uint64 currentEpochId, uint64 id);
    error RotationOutOfRange(uint64 fromL2Block, uint64 segmentFirst, uint64 epochLast);
    error UnassignedL2Block(uint64 l2Block);

    event EpochCommitted(uint64 indexed id, uint64 firstL2Block, uint64 lastL2Block, address indexed producer);
    event EpochRecommitted(uint64 indexed id, uint32 rotation, uint64 fromL2Block, uint64 lastL2Block,
        address indexed oldProducer, address indexed newProducer);

    constructor(IPoolSignatureVerifier verifier, uint64 firstL2Block) {
        poolVerifier = verifier;
        genesisL2Block = firstL2Block;
    }

    function commitEpoch(uint64 id, uint64 firstL2Block, uint64 lastL2Block, address producer, bytes calldata poolSignature)
        external
    {
        uint64 expectedFirst = currentEpochId == 0 ? genesisL2Block : epochs[currentEpochId].lastL2Block + 1;
        if (id != currentEpochId + 1 || firstL2Block != expectedFirst) {
            revert NonContiguousEpoch(currentEpochId + 1, id, expectedFirst, firstL2Block);
        }
        if (lastL2Block < firstL2Block) revert EmptyRange(firstL2Block, lastL2Block);
        if (producer == address(0)) revert InvalidProducer(producer);
        poolVerifier.checkSignature(commitDigest(id, firstL2Block, lastL2Block, producer), poolSignature);
        currentEpochId = id;
        epochs[id] = Epoch(id, firstL2Block, lastL2Block, 0);
        segments.push(Segment(id, firstL2Block, lastL2Block, producer));
        emit EpochCommitted(id, firstL2Block, lastL2Block, producer);
    }

    /// Hands L2 blocks [fromL2Block, end of the current epoch] to `producer` (rotation of a stalled producer).
    function recommitEpoch(uint64 id, uint64 fromL2Block, address producer, bytes calldata poolSignature) external {
        if (id == 0 || id != currentEpochId) revert NotCurrentEpoch(currentEpochId, id);
        Epoch storage e = epochs[id];
        Segment storage last = segments[segments.length - 1];
        if (fromL2Block < last.firstL2Block || fromL2Block > e.lastL2Block) {
            revert RotationOutOfRange(fromL2Block, last.firstL2Block, e.lastL2Block);
        }
        if (producer == address(0) || producer == last.producer) revert InvalidProducer(producer);
        uint32 rotation = e.rotations + 1;
        poolSignatureCheck(recommitDigest(id, rotation, fromL2Block, producer), poolSignature);
        e.rotations = rotation;
        address old = last.producer;
        if (fromL2Block == last.firstL2Block) {
            last.producer = producer;
        } else {
            last.lastL2Block = fromL2Block - 1;
            segments.push(Segment(id, fromL2Block, e.lastL2Block, producer));
        }
        emit EpochRecommitted(id, rotation, fromL2Block, e.lastL2Block, old, producer);
    }

    function commitDigest(uint64 id, uint64 firstL2Block, uint64 lastL2Block, address producer)
        public
        view
        returns (bytes32)
    {
        return PoolDigest.digest(PoolDigest.COMMIT_EPOCH, keccak256(abi.encode(id, firstL2Block, lastL2Block, producer)));
    }

    function recommitDigest(uint64 id, uint32 rotation, uint64 fromL2Block, address producer)
        public
        view
        returns (bytes32)
    {
        return PoolDigest.digest(PoolDigest.RECOMMIT_EPOCH, keccak256(abi.encode(id, rotation, fromL2Block, producer)));
    }

    /// The producer assigned to `l2Block`; reverts with UnassignedL2Block outside the committed range.
    function producerAt(uint64 l2Block) external view returns (address) {
        uint256 lo = 0;
        uint256 hi = segments.length;
        while (lo < hi) {
            uint256 mid = (lo + hi) / 2;
            Segment storage s = segments[mid];
            if (l2Block < s.firstL2Block) {
                hi = mid;
            } else if (l2Block > s.lastL2Block) {
                lo = mid + 1;
            } else {
                return s.producer;
            }
        }
        revert UnassignedL2Block(l2Block);
    }

    /// The latest committed epoch and its current producer (all zero before the first commit).
    function currentEpoch()
        external
        view
        returns (uint64 id, uint64 firstL2Block, uint64 lastL2Block, address producer, uint32 rotations)
    {
        if (currentEpochId == 0) return (0, 0, 0, address(0), 0);
        Epoch storage e = epochs[currentEpochId];
        return (e.id, e.firstL2Block, e.lastL2Block, segments[segments.length - 1].producer, e.rotations);
    }

    function getEpoch(uint64 id) external view returns (Epoch memory) {
        return epochs[id];
    }

    function segmentCount() external view returns (uint256) {
        return segments.length;
    }

    function poolSignatureCheck(bytes32 digest, bytes calldata poolSignature) internal view {
        poolVerifier.checkSignature(digest, poolSignature);
    }
}

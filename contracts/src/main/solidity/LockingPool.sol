// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {IPoolSignatureVerifier} from "./IPoolSignatureVerifier.sol";
import {PoolDigest} from "./lib/PoolDigest.sol";

/// @title Sequencer staking: locks, bounds, whitelist, rewards, slashing and jailing.
/// @notice Every state change of a sequencer emits an event carrying that sequencer's nonce (1, 2, 3, ...) so that
///         the bridge can order and de-duplicate them. Pool-attested calls (submitRewards, slash, jail) carry a pool
///         signature checked by the PoolKeyRegistry; double signing is proven by the votes themselves (EIP-712,
///         domain name "seqpool", version "1", verifyingContract = this contract).
contract LockingPool is Ownable2Step, Pausable, EIP712 {
    using SafeERC20 for IERC20;

    enum Status { None, Active, Inactive, Unlocking, Exited }

    struct Sequencer {
        address owner;
        address signer;
        address rewardRecipient;
        uint256 amount;
        uint256 reward;
        uint64 claimableAt;
        uint64 lastSignerUpdateBlock;
        uint64 jailedUntil;
        bool jailed;
        Status status;
        uint64 nonce;
    }

    /// A Tendermint vote as the consensus engine signs it (DESIGN.md §4).
    struct Vote {
        uint8 kind;
        uint64 height;
        uint32 round;
        bytes32 blockId;
    }

    bytes32 public constant VOTE_TYPEHASH = keccak256("Vote(uint8 kind,uint64 height,uint32 round,bytes32 blockId)");
    uint256 public constant MAX_EXIT_DELAY = 365 days;
    uint256 public constant BPS = 10_000;

    IERC20 public immutable stakeToken;
    IPoolSignatureVerifier public immutable poolVerifier;

    uint256 public minLock = 20_000 ether;
    uint256 public maxLock = 100_000 ether;
    uint256 public exitDelay = 21 days;
    uint256 public signerUpdateThrottle = 100; // L1 blocks between two signer updates
    uint256 public rewardPerBlock;
    uint256 public doubleSignSlashBps = 1_000; // 10 % of the stake
    uint256 public jailDuration = 1 days;
    address public slashRecipient;

    uint256 public rewardReserve;
    uint256 public lastRewardBatchId;
    uint256 public lastRewardEpoch;
    uint256 public poolActionNonce; // sequence number of pool-attested slash/jail messages
    uint256 public sequencerCount;

    mapping(address => bool) public whitelist;
    mapping(uint256 => Sequencer) internal sequencers;
    mapping(address => uint256) public ownerToSequencer;
    mapping(address => uint256) public signerToSequencer; // every signer ever registered; never reset
    mapping(bytes32 => bool) public evidenceUsed;

    error NotWhitelisted(address owner);
    error AmountOutOfBounds(uint256 amount, uint256 minLock, uint256 maxLock);
    error InvalidBounds(uint256 minLock, uint256 maxLock);
    error PubkeySignerMismatch(address signer, address derived);
    error OwnerHasSequencer(address owner, uint256 seqId);
    error SignerAlreadyUsed(address signer);
    error NotSequencerOwner(uint256 seqId, address caller);
    error UnknownSequencer(uint256 seqId);
    error WrongStatus(uint256 seqId, Status status);
    error NothingToLock(uint256 seqId);
    error WithdrawBelowMinLock(uint256 seqId, uint256 remaining, uint256 minLock);
    error ExitDelayNotOver(uint256 seqId, uint64 claimableAt);
    error SignerUpdateThrottled(uint256 seqId, uint256 nextAllowedBlock);
    error NotRewardRecipient(uint256 seqId, address caller);
    error NoReward(uint256 seqId);
    error NonContiguousRewardBatch(uint256 expectedBatchId, uint256 batchId);
    error NonContiguousEpochs(uint256 expectedStartEpoch, uint256 startEpoch, uint256 endEpoch);
    error LengthMismatch(uint256 sequencers, uint256 blocks);
    error InsufficientRewardReserve(uint256 needed, uint256 reserve);
    error InvalidVoteKind(uint8 kind);
    error NotConflictingVotes();
    error DifferentSigners(address signerA, address signerB);
    error UnknownSigner(address signer);
    error EvidenceAlreadyUsed(bytes32 evidenceKey);
    error SlashAmountInvalid(uint256 seqId, uint256 amount, uint256 stake);
    error StillJailed(uint256 seqId, uint64 jailedUntil);
    error NotJailed(uint256 seqId);
    error InvalidParameter();

    event WhitelistUpdated(address indexed owner, bool allowed);
    event LockBoundsUpdated(uint256 minLock, uint256 maxLock);
    event ExitDelayUpdated(uint256 exitDelay);
    event SignerUpdateThrottleUpdated(uint256 blocks);
    event RewardPerBlockUpdated(uint256 rewardPerBlock);
    event DoubleSignSlashUpdated(uint256 bps);
    event JailDurationUpdated(uint256 duration);
    event SlashRecipientUpdated(address recipient);
    event RewardsFunded(address indexed from, uint256 amount, uint256 reserve);
    event RewardsSubmitted(uint256 indexed batchId, uint256 startEpoch, uint256 endEpoch, uint256 total);

    event Locked(uint256 indexed seqId, address indexed owner, address indexed signer, uint256 amount, bytes signerPubkey, uint64 nonce);
    event Relocked(uint256 indexed seqId, uint256 added, uint256 fromReward, uint256 total, uint64 nonce);
    event Withdrawn(uint256 indexed seqId, uint256 amount, uint256 total, uint64 nonce);
    event UnlockInitiated(uint256 indexed seqId, uint64 claimableAt, uint64 nonce);
    event UnlockClaimed(uint256 indexed seqId, uint256 amount, uint64 nonce);
    event SignerUpdated(uint256 indexed seqId, address indexed oldSigner, address indexed newSigner, bytes signerPubkey, uint64 nonce);
    event RewardRecipientUpdated(uint256 indexed seqId, address recipient, uint64 nonce);
    event RewardCredited(uint256 indexed seqId, uint256 indexed batchId, uint256 blocks, uint256 amount, uint64 nonce);
    event RewardsWithdrawn(uint256 indexed seqId, address indexed recipient, uint256 amount, uint64 nonce);
    event Slashed(uint256 indexed seqId, uint256 amount, bytes32 indexed reasonHash, uint256 remaining, uint64 nonce);
    event DoubleSignProven(uint256 indexed seqId, address indexed signer, uint8 kind, uint64 height, uint32 round, bytes32 blockIdA, bytes32 blockIdB, address reporter);
    event StatusChanged(uint256 indexed seqId, Status status, uint64 nonce);
    event Jailed(uint256 indexed seqId, uint64 until, bytes32 reasonHash, uint64 nonce);
    event Unjailed(uint256 indexed seqId, uint64 nonce);

    constructor(address admin, IERC20 token, IPoolSignatureVerifier verifier, address slashTo)
        Ownable(admin)
        EIP712("seqpool", "1")
    {
        if (address(token) == address(0) || address(verifier) == address(0) || slashTo == address(0)) {
            revert InvalidParameter();
        }
        stakeToken = token;
        poolVerifier = verifier;
        slashRecipient = slashTo;
    }

    // ----------------------------------------------------------------------------------------------- admin

    function setWhitelist(address owner, bool allowed) external onlyOwner {
        whitelist[owner] = allowed;
        emit WhitelistUpdated(owner, allowed);
    }

    function setLockBounds(uint256 newMin, uint256 newMax) external onlyOwner {
        if (newMin == 0 || newMin > newMax) revert InvalidBounds(newMin, newMax);
        minLock = newMin;
        maxLock = newMax;
        emit LockBoundsUpdated(newMin, newMax);
    }

    function setExitDelay(uint256 delay) external onlyOwner {
        if (delay > MAX_EXIT_DELAY) revert InvalidParameter();
        exitDelay = delay;
        emit ExitDelayUpdated(delay);
    }

    function setSignerUpdateThrottle(uint256 blocks) external onlyOwner {
        signerUpdateThrottle = blocks;
        emit SignerUpdateThrottleUpdated(blocks);
    }

    function setRewardPerBlock(uint256 amount) external onlyOwner {
        rewardPerBlock = amount;
        emit RewardPerBlockUpdated(amount);
    }

    function setDoubleSignSlashBps(uint256 bps) external onlyOwner {
        if (bps > BPS) revert InvalidParameter();
        doubleSignSlashBps = bps;
        emit DoubleSignSlashUpdated(bps);
    }

    function setJailDuration(uint256 duration) external onlyOwner {
        jailDuration = duration;
        emit JailDurationUpdated(duration);
    }

    function setSlashRecipient(address recipient) external onlyOwner {
        if (recipient == address(0)) revert InvalidParameter();
        slashRecipient = recipient;
        emit SlashRecipientUpdated(recipient);
    }

    function pause() external onlyOwner {
        _pause();
    }

    function unpause() external onlyOwner {
        _unpause();
    }

    /// Anyone may add stake tokens to the reward reserve (pulled with transferFrom).
    function fundRewards(uint256 amount) external {
        stakeToken.safeTransferFrom(msg.sender, address(this), amount);
        rewardReserve += amount;
        emit RewardsFunded(msg.sender, amount, rewardReserve);
    }

    // -------------------------------------------------------------------------------------------- operator

    /// Locks `amount` for a new sequencer owned by the caller, whose consensus key is `signerPubkey`
    /// (64 bytes, uncompressed without prefix) hashing to `signer`.
    function lockFor(address signer, uint256 amount, bytes calldata signerPubkey) external whenNotPaused returns (uint256 seqId) {
        if (!whitelist[msg.sender]) revert NotWhitelisted(msg.sender);
        if (ownerToSequencer[msg.sender] != 0) revert OwnerHasSequencer(msg.sender, ownerToSequencer[msg.sender]);
        if (amount < minLock || amount > maxLock) revert AmountOutOfBounds(amount, minLock, maxLock);
        _checkNewSigner(signer, signerPubkey);
        seqId = ++sequencerCount;
        Sequencer storage s = sequencers[seqId];
        s.owner = msg.sender;
        s.signer = signer;
        s.rewardRecipient = msg.sender;
        s.amount = amount;
        s.status = Status.Active;
        s.lastSignerUpdateBlock = uint64(block.number);
        ownerToSequencer[msg.sender] = seqId;
        signerToSequencer[signer] = seqId;
        stakeToken.safeTransferFrom(msg.sender, address(this), amount);
        emit Locked(seqId, msg.sender, signer, amount, signerPubkey, ++s.nonce);
    }

    /// Adds `amount` (and, if `lockReward`, the pending reward) to the stake; reactivates an inactive sequencer
    /// whose stake reaches minLock again.
    function relock(uint256 seqId, uint256 amount, bool lockReward) external whenNotPaused {
        Sequencer storage s = _owned(seqId);
        _requireStatus(seqId, s.status == Status.Active || s.status == Status.Inactive);
        uint256 fromReward = lockReward ? s.reward : 0;
        if (amount + fromReward == 0) revert NothingToLock(seqId);
        uint256 total = s.amount + amount + fromReward;
        if (total > maxLock) revert AmountOutOfBounds(total, minLock, maxLock);
        s.reward -= fromReward;
        s.amount = total;
        if (amount > 0) stakeToken.safeTransferFrom(msg.sender, address(this), amount);
        emit Relocked(seqId, amount, fromReward, total, ++s.nonce);
        if (s.status == Status.Inactive && total >= minLock) _setStatus(seqId, s, Status.Active);
    }

    /// Withdraws part of the stake at once; at least minLock stays locked.
    function withdraw(uint256 seqId, uint256 amount) external whenNotPaused {
        Sequencer storage s = _owned(seqId);
        _requireStatus(seqId, s.status == Status.Active);
        if (amount == 0 || amount > s.amount || s.amount - amount < minLock) {
            revert WithdrawBelowMinLock(seqId, amount > s.amount ? 0 : s.amount - amount, minLock);
        }
        s.amount -= amount;
        stakeToken.safeTransfer(s.owner, amount);
        emit Withdrawn(seqId, amount, s.amount, ++s.nonce);
    }

    /// Leaves the active set; the stake can be claimed after the exit delay (and stays slashable until then).
    function unlock(uint256 seqId) external whenNotPaused {
        Sequencer storage s = _owned(seqId);
        _requireStatus(seqId, s.status == Status.Active || s.status == Status.Inactive);
        s.claimableAt = uint64(block.timestamp + exitDelay);
        s.status = Status.Unlocking;
        emit UnlockInitiated(seqId, s.claimableAt, ++s.nonce);
        emit StatusChanged(seqId, Status.Unlocking, ++s.nonce);
    }

    /// After the exit delay: returns the stake to the owner and any pending reward to the reward recipient.
    function unlockClaim(uint256 seqId) external whenNotPaused {
        Sequencer storage s = _owned(seqId);
        _requireStatus(seqId, s.status == Status.Unlocking);
        if (block.timestamp < s.claimableAt) revert ExitDelayNotOver(seqId, s.claimableAt);
        uint256 amount = s.amount;
        uint256 reward = s.reward;
        s.amount = 0;
        s.reward = 0;
        s.status = Status.Exited;
        ownerToSequencer[s.owner] = 0;
        if (amount > 0) stakeToken.safeTransfer(s.owner, amount);
        emit UnlockClaimed(seqId, amount, ++s.nonce);
        if (reward > 0) {
            stakeToken.safeTransfer(s.rewardRecipient, reward);
            emit RewardsWithdrawn(seqId, s.rewardRecipient, reward, ++s.nonce);
        }
        emit StatusChanged(seqId, Status.Exited, ++s.nonce);
    }

    /// Replaces the consensus key; at most once per `signerUpdateThrottle` L1 blocks; a signer is never reused.
    function updateSigner(uint256 seqId, address newSigner, bytes calldata signerPubkey) external whenNotPaused {
        Sequencer storage s = _owned(seqId);
        _requireStatus(seqId, s.status == Status.Active || s.status == Status.Inactive);
        uint256 next = uint256(s.lastSignerUpdateBlock) + signerUpdateThrottle;
        if (block.number < next) revert SignerUpdateThrottled(seqId, next);
        _checkNewSigner(newSigner, signerPubkey);
        address old = s.signer;
        s.signer = newSigner;
        s.lastSignerUpdateBlock = uint64(block.number);
        signerToSequencer[newSigner] = seqId;
        emit SignerUpdated(seqId, old, newSigner, signerPubkey, ++s.nonce);
    }

    function setRewardRecipient(uint256 seqId, address recipient) external whenNotPaused {
        Sequencer storage s = _owned(seqId);
        if (recipient == address(0)) revert InvalidParameter();
        s.rewardRecipient = recipient;
        emit RewardRecipientUpdated(seqId, recipient, ++s.nonce);
    }

    /// Pays the pending reward to the reward recipient; callable by the owner or the recipient.
    function withdrawRewards(uint256 seqId) external whenNotPaused {
        Sequencer storage s = _existing(seqId);
        if (msg.sender != s.owner && msg.sender != s.rewardRecipient) revert NotRewardRecipient(seqId, msg.sender);
        uint256 reward = s.reward;
        if (reward == 0) revert NoReward(seqId);
        s.reward = 0;
        stakeToken.safeTransfer(s.rewardRecipient, reward);
        emit RewardsWithdrawn(seqId, s.rewardRecipient, reward, ++s.nonce);
    }

    /// After the jail period, with at least minLock staked, the owner takes the sequencer out of jail.
    function unjail(uint256 seqId) external whenNotPaused {
        Sequencer storage s = _owned(seqId);
        if (!s.jailed) revert NotJailed(seqId);
        if (block.timestamp < s.jailedUntil) revert StillJailed(seqId, s.jailedUntil);
        s.jailed = false;
        s.jailedUntil = 0;
        emit Unjailed(seqId, ++s.nonce);
    }

    // ---------------------------------------------------------------------------------------- pool-attested

    /// Credits `blocks[i] * rewardPerBlock` to `seqIds[i]`. Batch ids and epoch ranges must follow the previous batch.
    function submitRewards(
        uint256 batchId,
        uint256 startEpoch,
        uint256 endEpoch,
        uint256[] calldata seqIds,
        uint256[] calldata blocks,
        bytes calldata poolSignature
    ) external whenNotPaused {
        if (batchId != lastRewardBatchId + 1) revert NonContiguousRewardBatch(lastRewardBatchId + 1, batchId);
        if (startEpoch != lastRewardEpoch + 1 || endEpoch < startEpoch) {
            revert NonContiguousEpochs(lastRewardEpoch + 1, startEpoch, endEpoch);
        }
        if (seqIds.length != blocks.length) revert LengthMismatch(seqIds.length, blocks.length);
        poolVerifier.checkSignature(rewardsDigest(batchId, startEpoch, endEpoch, seqIds, blocks), poolSignature);
        lastRewardBatchId = batchId;
        lastRewardEpoch = endEpoch;
        uint256 perBlock = rewardPerBlock;
        uint256 total;
        for (uint256 i = 0; i < seqIds.length; i++) {
            Sequencer storage s = _existing(seqIds[i]);
            uint256 amount = blocks[i] * perBlock;
            s.reward += amount;
            total += amount;
            emit RewardCredited(seqIds[i], batchId, blocks[i], amount, ++s.nonce);
        }
        if (total > rewardReserve) revert InsufficientRewardReserve(total, rewardReserve);
        rewardReserve -= total;
        emit RewardsSubmitted(batchId, startEpoch, endEpoch, total);
    }

    function rewardsDigest(
        uint256 batchId,
        uint256 startEpoch,
        uint256 endEpoch,
        uint256[] calldata seqIds,
        uint256[] calldata blocks
    ) public view returns (bytes32) {
        return PoolDigest.digest(
            PoolDigest.SUBMIT_REWARDS, keccak256(abi.encode(batchId, startEpoch, endEpoch, seqIds, blocks))
        );
    }

    /// Slashes `amount` for a fault the pool attests (reason hash defined off-chain); message sequence = poolActionNonce + 1.
    function slash(uint256 seqId, uint256 amount, bytes32 reasonHash, bytes calldata poolSignature) external {
        poolVerifier.checkSignature(slashDigest(seqId, amount, reasonHash), poolSignature);
        poolActionNonce += 1;
        _slash(seqId, amount, reasonHash);
    }

    function slashDigest(uint256 seqId, uint256 amount, bytes32 reasonHash) public view returns (bytes32) {
        return PoolDigest.digest(PoolDigest.SLASH, keccak256(abi.encode(poolActionNonce + 1, seqId, amount, reasonHash)));
    }

    /// Jails a sequencer for `jailDuration` for a fault the pool attests (e.g. a stalled producer).
    function jail(uint256 seqId, bytes32 reasonHash, bytes calldata poolSignature) external {
        poolVerifier.checkSignature(jailDigest(seqId, reasonHash), poolSignature);
        poolActionNonce += 1;
        _jail(seqId, _existing(seqId), reasonHash);
    }

    function jailDigest(uint256 seqId, bytes32 reasonHash) public view returns (bytes32) {
        return PoolDigest.digest(PoolDigest.JAIL, keccak256(abi.encode(poolActionNonce + 1, seqId, reasonHash)));
    }

    /// Anyone may prove that one registered signer signed two different votes of the same kind, height and round.
    function slashDoubleSign(Vote calldata voteA, bytes calldata sigA, Vote calldata voteB, bytes calldata sigB) external {
        if (voteA.kind != 1 && voteA.kind != 2) revert InvalidVoteKind(voteA.kind);
        if (voteA.kind != voteB.kind || voteA.height != voteB.height || voteA.round != voteB.round
            || voteA.blockId == voteB.blockId) revert NotConflictingVotes();
        address signerA = ECDSA.recoverCalldata(voteDigest(voteA), sigA);
        address signerB = ECDSA.recoverCalldata(voteDigest(voteB), sigB);
        if (signerA != signerB) revert DifferentSigners(signerA, signerB);
        uint256 seqId = signerToSequencer[signerA];
        if (seqId == 0) revert UnknownSigner(signerA);
        bytes32 key = keccak256(abi.encode(signerA, voteA.kind, voteA.height, voteA.round));
        if (evidenceUsed[key]) revert EvidenceAlreadyUsed(key);
        evidenceUsed[key] = true;
        Sequencer storage s = sequencers[seqId];
        _emitDoubleSign(seqId, signerA, voteA, voteB.blockId);
        uint256 amount = s.amount * doubleSignSlashBps / BPS;
        if (amount > 0) _slash(seqId, amount, key);
        _jail(seqId, s, key);
    }

    /// EIP-712 digest of a consensus vote (what the signer's node signs).
    function voteDigest(Vote calldata vote) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(VOTE_TYPEHASH, vote.kind, vote.height, vote.round, vote.blockId)));
    }

    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    // ------------------------------------------------------------------------------------------------ views

    function getSequencer(uint256 seqId) external view returns (Sequencer memory) {
        return sequencers[seqId];
    }

    function isActive(uint256 seqId) public view returns (bool) {
        Sequencer storage s = sequencers[seqId];
        return s.status == Status.Active && !s.jailed;
    }

    /// Ids of the sequencers that are Active and not jailed, in id order.
    function activeSequencers() external view returns (uint256[] memory ids) {
        uint256 n = sequencerCount;
        uint256 count;
        ids = new uint256[](n);
        for (uint256 i = 1; i <= n; i++) {
            if (isActive(i)) ids[count++] = i;
        }
        assembly ("memory-safe") {
            mstore(ids, count)
        }
    }

    // --------------------------------------------------------------------------------------------- internal

    function _slash(uint256 seqId, uint256 amount, bytes32 reasonHash) internal {
        Sequencer storage s = _existing(seqId);
        bool slashable = s.status == Status.Active || s.status == Status.Inactive || s.status == Status.Unlocking;
        if (!slashable || amount == 0 || amount > s.amount) revert SlashAmountInvalid(seqId, amount, s.amount);
        s.amount -= amount;
        stakeToken.safeTransfer(slashRecipient, amount);
        emit Slashed(seqId, amount, reasonHash, s.amount, ++s.nonce);
        if (s.status == Status.Active && s.amount < minLock) _setStatus(seqId, s, Status.Inactive);
    }

    function _emitDoubleSign(uint256 seqId, address signer, Vote calldata a, bytes32 blockIdB) internal {
        emit DoubleSignProven(seqId, signer, a.kind, a.height, a.round, a.blockId, blockIdB, msg.sender);
    }

    function _jail(uint256 seqId, Sequencer storage s, bytes32 reasonHash) internal {
        s.jailed = true;
        s.jailedUntil = uint64(block.timestamp + jailDuration);
        emit Jailed(seqId, s.jailedUntil, reasonHash, ++s.nonce);
    }

    function _setStatus(uint256 seqId, Sequencer storage s, Status status) internal {
        s.status = status;
        emit StatusChanged(seqId, status, ++s.nonce);
    }

    function _checkNewSigner(address signer, bytes calldata signerPubkey) internal view {
        address derived = signerPubkey.length == 64 ? address(uint160(uint256(keccak256(signerPubkey)))) : address(0);
        if (signer == address(0) || derived != signer) revert PubkeySignerMismatch(signer, derived);
        if (signerToSequencer[signer] != 0) revert SignerAlreadyUsed(signer);
    }

    function _existing(uint256 seqId) internal view returns (Sequencer storage s) {
        s = sequencers[seqId];
        if (s.status == Status.None) revert UnknownSequencer(seqId);
    }

    function _owned(uint256 seqId) internal view returns (Sequencer storage s) {
        s = _existing(seqId);
        if (s.owner != msg.sender) revert NotSequencerOwner(seqId, msg.sender);
    }

    function _requireStatus(uint256 seqId, bool ok) internal view {
        if (!ok) revert WrongStatus(seqId, sequencers[seqId].status);
    }
}

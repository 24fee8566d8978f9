// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";

/// @title Governance-approved OSGi bundle versions that nodes install at an activation epoch (DESIGN.md §7).
contract ModuleRegistry is Ownable2Step {
    struct Approval {
        string bundleName;
        string version;
        bytes32 sha256Hash;
        uint64 activationEpoch;
        uint64 approvedAtBlock;
        bool revoked;
    }

    Approval[] internal approvals;
    mapping(bytes32 => uint256) internal indexPlusOne; // keccak256(name, version) => index + 1

    error InvalidApproval();
    error AlreadyApproved(string bundleName, string version);
    error NotApproved(string bundleName, string version);
    error AlreadyRevoked(string bundleName, string version);

    event ModuleApproved(bytes32 indexed key, string bundleName, string version, bytes32 sha256Hash, uint64 activationEpoch);
    event ModuleRevoked(bytes32 indexed key, string bundleName, string version);

    constructor(address admin) Ownable(admin) {}

    function approve(string calldata bundleName, string calldata version, bytes32 sha256Hash, uint64 activationEpoch)
        external
        onlyOwner
    {
        if (bytes(bundleName).length == 0 || bytes(version).length == 0 || sha256Hash == bytes32(0)) {
            revert InvalidApproval();
        }
        bytes32 key = keyOf(bundleName, version);
        if (indexPlusOne[key] != 0) revert AlreadyApproved(bundleName, version);
        approvals.push(Approval(bundleName, version, sha256Hash, activationEpoch, uint64(block.number), false));
        indexPlusOne[key] = approvals.length;
        emit ModuleApproved(key, bundleName, version, sha256Hash, activationEpoch);
    }

    function revoke(string calldata bundleName, string calldata version) external onlyOwner {
        bytes32 key = keyOf(bundleName, version);
        uint256 i = indexPlusOne[key];
        if (i == 0) revert NotApproved(bundleName, version);
        if (approvals[i - 1].revoked) revert AlreadyRevoked(bundleName, version);
        approvals[i - 1].revoked = true;
        emit ModuleRevoked(key, bundleName, version);
    }

    function keyOf(string calldata bundleName, string calldata version) public pure returns (bytes32) {
        return keccak256(abi.encode(bundleName, version));
    }

    function approvalCount() external view returns (uint256) {
        return approvals.length;
    }

    function approvalAt(uint256 index) external view returns (Approval memory) {
        return approvals[index];
    }

    function getApproval(string calldata bundleName, string calldata version) external view returns (Approval memory) {
        uint256 i = indexPlusOne[keyOf(bundleName, version)];
        if (i == 0) revert NotApproved(bundleName, version);
        return approvals[i - 1];
    }

    /// The non-revoked approval of `bundleName` with the highest activation epoch <= `epoch` (latest approved wins
    /// on a tie); found = false if none.
    function activeAt(string calldata bundleName, uint64 epoch) external view returns (bool found, Approval memory best) {
        bytes32 nameHash = keccak256(bytes(bundleName));
        for (uint256 i = 0; i < approvals.length; i++) {
            Approval storage a = approvals[i];
            if (a.revoked || a.activationEpoch > epoch || keccak256(bytes(a.bundleName)) != nameHash) continue;
            if (!found || a.activationEpoch >= best.activationEpoch) {
                best = a;
                found = true;
            }
        }
    }
}

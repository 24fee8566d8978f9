// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title The pool key's signature check, used by every contract that accepts a pool-attested message.
interface IPoolSignatureVerifier {
    /// Reverts with a specific error unless `signature` is a valid pool signature on `digest` under the current key;
    /// returns true otherwise.
    function checkSignature(bytes32 digest, bytes calldata signature) external view returns (bool);

    /// The current pool key generation (0 before registration, +1 per rotation).
    function keyGeneration() external view returns (uint64);
}

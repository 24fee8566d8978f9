// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {FrostSecp256k1} from "lib/FrostSecp256k1.sol";

/// @title Test-only gas meter (compiled from src/test/solidity, never deployed outside tests).
/// @notice Each function returns gasleft() before minus after around exactly one thing:
///         - `frostVerify`: the pool-signature verifier, FrostSecp256k1.verifyDigest (what PoolKeyRegistry runs for a
///           0x02 signature once it has the key), with the key given as arguments;
///         - `ecdsaRecover`: OpenZeppelin ECDSA.tryRecover on the same kind of digest (the ECDSA scheme's check);
///         - `externalCall`: one CALL of `target` with `callData`, made twice in the same call frame: the first pays
///           the cold-access costs (EIP-2929: 2,600 for the account, 2,100 per storage slot read first), the
///           second finds them warm. The input is copied to memory before the first measurement.
///         The few opcodes that read gasleft() and pass the arguments (about 20 gas) are included.
contract GasProbe {
    error ProbeCallFailed(bytes revertData);

    function frostVerify(uint256 pkx, uint256 pkPrefix, bytes32 digest, uint256 rx, uint256 ry, uint256 z)
        external
        view
        returns (bool ok, uint256 gasUsed)
    {
        uint256 before = gasleft();
        ok = FrostSecp256k1.verifyDigest(pkx, pkPrefix, digest, rx, ry, z);
        gasUsed = before - gasleft();
    }

    function ecdsaRecover(bytes32 digest, uint8 v, bytes32 r, bytes32 s)
        external
        view
        returns (address signer, uint256 gasUsed)
    {
        uint256 before = gasleft();
        (signer,,) = ECDSA.tryRecover(digest, v, r, s);
        gasUsed = before - gasleft();
    }

    function externalCall(address target, bytes calldata callData)
        external
        view
        returns (uint256 coldGas, uint256 warmGas)
    {
        bytes memory input = callData;
        coldGas = _call(target, input);
        warmGas = _call(target, input);
    }

    function _call(address target, bytes memory input) private view returns (uint256 used) {
        bool ok;
        uint256 before;
        uint256 afterCall;
        assembly ("memory-safe") {
            before := gas()
            ok := staticcall(gas(), target, add(input, 0x20), mload(input), 0, 0)
            afterCall := gas()
        }
        if (!ok) {
            bytes memory data = new bytes(_returnDataSize());
            assembly ("memory-safe") {
                returndatacopy(add(data, 0x20), 0, returndatasize())
            }
            revert ProbeCallFailed(data);
        }
        used = before - afterCall;
    }

    function _returnDataSize() private pure returns (uint256 size) {
        assembly ("memory-safe") {
            size := returndatasize()
        }
    }
}

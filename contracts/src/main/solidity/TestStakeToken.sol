// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Stake token for tests and the devnet (mintable by its owner). Production uses the rollup's token.
contract TestStakeToken is ERC20, Ownable {
    constructor(address admin) ERC20("seqpool test stake", "SQPT") Ownable(admin) {}

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}

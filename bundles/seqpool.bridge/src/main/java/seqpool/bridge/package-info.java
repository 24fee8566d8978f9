/**
 * The bridge bundle's Listener (DESIGN.md §3 step 2): follows the seqpool contracts on L1 and records their events
 * once confirmed. Packages: {@code follow} (pure rules: cursor, confirmations, reorgs, subscriptions; no I/O),
 * {@code record} (the typed store columns), {@code l1} (web3j client and its retry wrapper), {@code host} (the DS
 * component and its thread). Nothing here is exported; other bundles use {@link seqpool.api.bridge.Bridge}.
 */
package seqpool.bridge;

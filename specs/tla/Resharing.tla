----------------------------- MODULE Resharing -----------------------------
(***************************************************************************)
(* Generations of threshold keys in seqpool.tss.                           *)
(*                                                                         *)
(* Generation 1 comes from a DKG (Pedersen/Feldman VSS with complaints).   *)
(* A reshare moves the key from generation `from` to a new committee and   *)
(* threshold: each dealer (an old member) re-deals its share, every dealing *)
(* is checked against the dealer's old public share, each new member       *)
(* acknowledges once it holds dealings from a threshold of old members     *)
(* (any qualified quorum of them), and the new generation completes when  *)
(* every new member has; only then may old shares be erased.  A reshare may abort (a new    *)
(* member crashed or misbehaves, too few dealers left); the old generation *)
(* stays current.  A signing session uses the shares of one generation.    *)
(*                                                                         *)
(* Key rotation (Policy = "rotate"): instead of a reshare, a fresh DKG for *)
(* the new committee creates a new key, and the L1 inbox switches to it by *)
(* a message signed by the old key (KeySwitched).  What it adds over a     *)
(* reshare is FormerMembersCannotSign: shares that former members failed   *)
(* to erase (erasure cannot be verified) no longer sign for the inbox key. *)
(*                                                                         *)
(* Keys are abstracted to numbers (1 = the first DKG's key, BadKey = a     *)
(* dealing that does not interpolate to the old key).  Action names equal  *)
(* the trace events of seqpool.tss.                                        *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS
  Members,     \* everyone who may hold a share
  Byz,         \* Byzantine members: may deal bad shares, refuse to acknowledge
  Unerasing,   \* members whose "erased" shares survive (compromised later, or lying)
  Committees,  \* the committees a DKG or a reshare may choose (model bound)
  MaxGen,      \* generations 1..MaxGen
  MaxCrash,    \* at most this many crashes
  SpuriousTimeouts, \* TRUE: a reshare may time out and abort although nobody crashed (asynchrony)
  Policy,      \* "reshare" or "rotate"
  Mutant       \* "none", or the name of the rule deliberately weakened

Gens == 1..MaxGen
None == [status |-> "none"]
BadKey == -1
\* enoughDealings: whether the generation completed with at least the qualified dealings it takes
\* (the DKG's threshold; for a reshare the old generation's threshold, from any old members).  Each
\* new member acknowledges with that many, and in a reshare they only grow, so the count at
\* completion is the one checked.
NoGen == [members |-> {}, threshold |-> 0, status |-> "none", key |-> 0, enoughDealings |-> FALSE]
NewGen(M, t) == [members |-> M, threshold |-> t, status |-> "dealing", key |-> 0, enoughDealings |-> FALSE]
ThresholdOK(t, M) == t <= Cardinality(M) /\ 2 * t > Cardinality(M)
\* seqpool's convention: more than 2/3 of the committee sign
PoolThreshold(M) == (2 * Cardinality(M)) \div 3 + 1
\* The fault assumption for a committee: its honest members reach the threshold.
FaultBound(M, t) == Cardinality(M \ Byz) >= t

VARIABLES
  gen,       \* [Gens -> [members, threshold, status, key]], status: none|dealing|complete|erased|aborted
  holders,   \* [Gens -> SUBSET Members], members holding a live share
  cur,       \* the current generation (0 before the DKG)
  groupKey,  \* the key the L1 inbox accepts (0 before the DKG)
  keys,      \* keys created by DKGs so far
  sess,      \* the DKG or reshare under way or last finished (None at first)
  crashed,
  lastSig,   \* the last signing session (None at first)
  kept,      \* [Gens -> SUBSET Members], erased shares that survived at Unerasing members
  switches   \* key switches of the inbox: [old, new, sigKey]

vars == <<gen, holders, cur, groupKey, keys, sess, crashed, lastSig, kept, switches>>

Running == sess /= None /\ sess.status = "running"
Idle == sess = None \/ sess.status /= "running"
Alive(S) == S \ (crashed \cup Byz)

Init ==
  /\ gen = [g \in Gens |-> NoGen] /\ holders = [g \in Gens |-> {}]
  /\ cur = 0 /\ groupKey = 0 /\ keys = 0 /\ sess = None /\ crashed = {}
  /\ lastSig = None /\ kept = [g \in Gens |-> {}] /\ switches = {}

NewSession(kind, s, from, to, D, M, t) ==
  [kind |-> kind, id |-> s, from |-> from, to |-> to, dealers |-> D, newMembers |-> M,
   newThreshold |-> t, dealt |-> {}, bad |-> {}, excluded |-> {}, acked |-> {}, status |-> "running"]

(*************************** DKG ***************************)
\* The first DKG (generation 1), or under key rotation a fresh DKG for a later generation.
DkgStarted(s, g, M, t) ==
  /\ Idle /\ ThresholdOK(t, M) /\ FaultBound(M, t) /\ g \in Gens /\ gen[g].status \in {"none", "aborted"}
  /\ \/ cur = 0 /\ g = 1
     \/ Policy = "rotate" /\ cur >= 1 /\ g > cur
  /\ sess' = NewSession("dkg", s, cur, g, M, M, t)
  /\ gen' = [gen EXCEPT ![g] = NewGen(M, t)]
  /\ UNCHANGED <<holders, cur, groupKey, keys, crashed, lastSig, kept, switches>>

\* Dealer d broadcasts commitments and encrypted shares; a Byzantine dealer may send bad ones.
DkgDealt(s, d) ==
  /\ Running /\ sess.kind = "dkg" /\ sess.id = s
  /\ d \in sess.dealers \ (sess.dealt \cup crashed)
  /\ \E isBad \in IF d \in Byz THEN BOOLEAN ELSE {FALSE} :
       sess' = [sess EXCEPT !.dealt = @ \cup {d}, !.bad = IF isBad THEN @ \cup {d} ELSE @]
  /\ UNCHANGED <<gen, holders, cur, groupKey, keys, crashed, lastSig, kept, switches>>

\* A member whose share fails the commitment check accuses the dealer, who is excluded (several
\* members may accuse the same dealer).  A Byzantine member may accuse an honest dealer falsely:
\* the dealer answers with the share in clear and stays qualified.  (seqpool.tss emits this event
\* in reshares too, where a bad dealing is already excluded by ReshareDealt's check.)
DkgComplaint(s, accuser, accused) ==
  /\ Running /\ sess.id = s
  /\ accuser \in sess.newMembers \ crashed
  /\ accused \in sess.dealt
  /\ accused \in sess.bad \/ accuser \in Byz
  /\ sess' = [sess EXCEPT !.excluded = IF accused \in sess.bad THEN @ \cup {accused} ELSE @]
  /\ UNCHANGED <<gen, holders, cur, groupKey, keys, crashed, lastSig, kept, switches>>

\* Enough qualified dealers: every live member computes its share and the group key (mutant
\* NoComplaint: although a bad dealing was never excluded).
DkgCompleted(s, g, m) ==
  LET qual == sess.dealt \ sess.excluded
      key  == IF sess.bad \subseteq sess.excluded THEN keys + 1 ELSE BadKey
  IN
  /\ Running /\ sess.kind = "dkg" /\ sess.id = s /\ g = sess.to
  /\ m \in sess.newMembers \ crashed
  /\ Cardinality(qual) >= sess.newThreshold
  /\ Cardinality(Alive(sess.newMembers)) >= sess.newThreshold   \* else it cannot finish
  /\ Mutant = "NoComplaint" \/ sess.bad \subseteq sess.excluded
  /\ gen' = [gen EXCEPT ![g].status = "complete", ![g].key = key,
                        ![g].enoughDealings = Cardinality(qual) >= sess.newThreshold]
  /\ holders' = [holders EXCEPT ![g] = sess.newMembers \ crashed]
  /\ keys' = keys + 1
  /\ IF cur = 0 THEN cur' = g /\ groupKey' = key ELSE UNCHANGED <<cur, groupKey>>
  /\ sess' = [sess EXCEPT !.status = "completed", !.acked = {m}]
  /\ UNCHANGED <<crashed, lastSig, kept, switches>>

(*************************** reshare ***************************)
ReshareStarted(s, from, to, D, M, t) ==
  /\ Idle /\ Policy = "reshare" /\ from = cur /\ from >= 1
  /\ to \in Gens /\ to > from /\ gen[to].status \in {"none", "aborted"}
  /\ D \subseteq holders[from] /\ Cardinality(D) >= gen[from].threshold
  /\ ThresholdOK(t, M) /\ FaultBound(M, t)
  /\ sess' = NewSession("reshare", s, from, to, D, M, t)
  /\ gen' = [gen EXCEPT ![to] = NewGen(M, t)]
  /\ UNCHANGED <<holders, cur, groupKey, keys, crashed, lastSig, kept, switches>>

\* Dealer d re-deals lambda_d * x_d.  A bad dealing fails the check against d's old public
\* share and d is excluded (the mutant NoCommitmentCheck counts it).
ReshareDealt(s, d) ==
  /\ Running /\ sess.kind = "reshare" /\ sess.id = s
  /\ d \in sess.dealers \ (sess.dealt \cup crashed) /\ d \in holders[sess.from]
  /\ \E isBad \in IF d \in Byz THEN BOOLEAN ELSE {FALSE} :
       sess' = [sess EXCEPT !.dealt = @ \cup {d},
                            !.bad = IF isBad THEN @ \cup {d} ELSE @,
                            !.excluded = IF isBad /\ Mutant /= "NoCommitmentCheck"
                                         THEN @ \cup {d} ELSE @]
  /\ holders' = IF Mutant = "EraseOnDeal"
                THEN [holders EXCEPT ![sess.from] = @ \ {d}] ELSE holders
  /\ UNCHANGED <<gen, cur, groupKey, keys, crashed, lastSig, kept, switches>>

\* New member m has dealings from a threshold of old members (any of them) and acknowledges its
\* new share (mutant AckFewDealings: one dealing short of the old threshold).
ReshareAcked(s, m) ==
  /\ Running /\ sess.kind = "reshare" /\ sess.id = s
  /\ m \in sess.newMembers \ (sess.acked \cup crashed)
  /\ Cardinality(sess.dealt \ sess.excluded)
       >= gen[sess.from].threshold - (IF Mutant = "AckFewDealings" THEN 1 ELSE 0)
  /\ Mutant = "AckNeedsAllDealers" => sess.dealt = sess.dealers
  /\ sess' = [sess EXCEPT !.acked = @ \cup {m}]
  /\ UNCHANGED <<gen, holders, cur, groupKey, keys, crashed, lastSig, kept, switches>>

\* Every new member acknowledged: the new generation is complete and current.
ReshareCompleted(s, g) ==
  /\ Running /\ sess.kind = "reshare" /\ sess.id = s /\ g = sess.to
  /\ sess.acked = sess.newMembers
  /\ gen' = [gen EXCEPT ![g].status = "complete",
                        ![g].key = IF sess.bad \subseteq sess.excluded
                                   THEN gen[sess.from].key ELSE BadKey,
                        ![g].enoughDealings = Cardinality(sess.dealt \ sess.excluded)
                                              >= gen[sess.from].threshold]
  /\ holders' = [holders EXCEPT ![g] = sess.newMembers]
  /\ cur' = g
  /\ sess' = [sess EXCEPT !.status = "completed"]
  /\ UNCHANGED <<groupKey, keys, crashed, lastSig, kept, switches>>

\* A reshare that cannot complete is aborted; the old generation stays current.
ReshareAborted(s, reason) ==
  /\ Running /\ sess.kind = "reshare" /\ sess.id = s
  /\ \/ sess.newMembers \cap (crashed \cup Byz) /= {}
     \/ Cardinality(sess.dealers \ (crashed \cup sess.excluded)) < gen[sess.from].threshold
     \/ SpuriousTimeouts
  /\ gen' = [gen EXCEPT ![sess.to].status = "aborted"]
  /\ sess' = [sess EXCEPT !.status = "aborted"]
  /\ UNCHANGED <<holders, cur, groupKey, keys, crashed, lastSig, kept, switches>>

\* Old shares are deleted once a newer generation is complete (mutant EraseEarly: as soon as
\* every new member acknowledged, before completion).
GenerationErased(g) ==
  /\ gen[g].status = "complete"
  /\ \/ g < cur /\ Idle
     \/ Mutant = "EraseEarly" /\ Running /\ sess.from = g /\ sess.acked = sess.newMembers
  /\ gen' = [gen EXCEPT ![g].status = "erased"]
  /\ holders' = [holders EXCEPT ![g] = {}]
  /\ kept' = [kept EXCEPT ![g] = holders[g] \cap Unerasing]
  /\ UNCHANGED <<cur, groupKey, keys, sess, crashed, lastSig, switches>>

(*************************** signing, faults, key switch ***************************)
SwitchMsgs == IF Policy = "rotate" THEN {<<"switch", g>> : g \in Gens} ELSE {}
\* what may be signed: a batch, or (key rotation) the switch to generation g's key
SignMsgs == {<<"batch", 0>>} \cup SwitchMsgs

\* Signers S sign msg, each with its share of generation g (mutant MixedGenerations: with the
\* share of any generation it holds; mutant SubThreshold: one signer short).
Signed(g, S, msg) ==
  /\ gen[g].status = "complete"
  /\ S \subseteq holders[g] \ crashed
  /\ Cardinality(S) >= IF Mutant = "SubThreshold" THEN gen[g].threshold - 1 ELSE gen[g].threshold
  /\ \E sg \in IF Mutant = "MixedGenerations"
               THEN {f \in [S -> Gens] : \A i \in S : i \in holders[f[i]]}
               ELSE {[i \in S |-> g]} :
       lastSig' = [gen |-> g, signers |-> S, shareGen |-> sg, key |-> gen[g].key, msg |-> msg]
  /\ UNCHANGED <<gen, holders, cur, groupKey, keys, sess, crashed, kept, switches>>

\* Key rotation: the inbox switches to the key of generation g on a message signed with the
\* current key (mutant UnsignedSwitch: without that signature).
KeySwitched(g) ==
  /\ Policy = "rotate" /\ Idle /\ cur >= 1 /\ g > cur /\ gen[g].status = "complete"
  /\ \/ lastSig /= None /\ lastSig.msg = <<"switch", g>> /\ lastSig.key = groupKey
     \/ Mutant = "UnsignedSwitch"
  /\ switches' = switches \cup {[old |-> groupKey, new |-> gen[g].key,
                                 sigKey |-> IF lastSig = None THEN 0 ELSE lastSig.key]}
  /\ groupKey' = gen[g].key /\ cur' = g
  /\ UNCHANGED <<gen, holders, keys, sess, crashed, lastSig, kept>>

\* A member crashes for good.  The fault assumption: the current generation and the one being
\* dealt keep a threshold of live honest members.
Crash(m) ==
  /\ m \in Members \ crashed /\ Cardinality(crashed) < MaxCrash
  /\ cur >= 1 => Cardinality(Alive(holders[cur]) \ {m}) >= gen[cur].threshold
  /\ Running => Cardinality(Alive(sess.newMembers) \ {m}) >= sess.newThreshold
  /\ crashed' = crashed \cup {m}
  /\ UNCHANGED <<gen, holders, cur, groupKey, keys, sess, lastSig, kept, switches>>

Next ==
  \/ \E M \in Committees, g \in Gens : DkgStarted(g, g, M, PoolThreshold(M))
  \/ Running /\ \E d \in Members : DkgDealt(sess.id, d) \/ ReshareDealt(sess.id, d)
                                   \/ ReshareAcked(sess.id, d)
  \/ Running /\ \E a, d \in Members : DkgComplaint(sess.id, a, d)
  \/ Running /\ \E m \in Members : DkgCompleted(sess.id, sess.to, m)
  \/ \E M \in Committees, to \in Gens :
       ReshareStarted(to, cur, to, holders[cur] \ crashed, M, PoolThreshold(M))
  \/ Running /\ ReshareCompleted(sess.id, sess.to)
  \/ Running /\ ReshareAborted(sess.id, "timeout")
  \/ \E g \in Gens : GenerationErased(g) \/ KeySwitched(g)
  \/ \E g \in Gens, msg \in SignMsgs :
       \E S \in SUBSET holders[g] : Signed(g, S, msg)
  \/ \E m \in Members : Crash(m)

\* Correct members deal, acknowledge and complete; the pool starts the DKG and reshares.
Fairness ==
  /\ WF_vars(\E M \in Committees, g \in Gens : DkgStarted(g, g, M, PoolThreshold(M)))
  /\ \A d \in Members \ Byz : WF_vars(Running /\ (DkgDealt(sess.id, d) \/ ReshareDealt(sess.id, d)
                                                 \/ ReshareAcked(sess.id, d)))
  /\ WF_vars(Running /\ \E a \in Members \ Byz, d \in Members : DkgComplaint(sess.id, a, d))
  /\ WF_vars(Running /\ \E m \in Members \ Byz : DkgCompleted(sess.id, sess.to, m))
  /\ WF_vars(\E M \in Committees, to \in Gens :
                ReshareStarted(to, cur, to, holders[cur] \ crashed, M, PoolThreshold(M)))
  /\ WF_vars(Running /\ ReshareCompleted(sess.id, sess.to))

Spec == Init /\ [][Next]_vars
FairSpec == Spec /\ Fairness

(***************************************************************************)
(* Properties                                                              *)
(***************************************************************************)
\* Resharing never changes the group public key: every complete generation has the DKG's key.
KeyUnchanged == \A g \in Gens : gen[g].status = "complete" => gen[g].key = groupKey
\* Every complete generation's shares interpolate to one key: each bad dealing was excluded.
ConsistentShares == \A g \in Gens : gen[g].status \in {"complete", "erased"} => gen[g].key /= BadKey
\* Every complete generation was computed from at least the threshold of qualified dealings it
\* needed (a reshare: the old generation's threshold, from any qualified old dealers).
EnoughDealings == \A g \in Gens : gen[g].status \in {"complete", "erased"} => gen[g].enoughDealings
\* The inbox key is always the current generation's key (rotation changes both together).
CurrentKeyIsInboxKey == cur >= 1 => gen[cur].key = groupKey
\* The live honest members of the current generation reach its threshold.
CurrentCanSign == cur >= 1 => /\ gen[cur].status = "complete"
                              /\ Cardinality(Alive(holders[cur])) >= gen[cur].threshold
\* No signature from fewer signers than the generation's threshold.
SubThresholdCannotSign == lastSig /= None => Cardinality(lastSig.signers) >= gen[lastSig.gen].threshold
\* A signing session uses the shares of one generation only.
NoMixedGenerations == lastSig /= None => \A i \in lastSig.signers : lastSig.shareGen[i] = lastSig.gen
\* A generation is erased only after a newer one is complete.
EraseAfterComplete == \A g \in Gens : gen[g].status = "erased" =>
                        \E g2 \in Gens : g2 > g /\ gen[g2].status \in {"complete", "erased"}
\* An aborted reshare leaves the old generation current and able to sign.
AbortLeavesOldUsable == sess /= None /\ sess.status = "aborted" =>
  /\ cur = sess.from /\ gen[sess.from].status = "complete"
  /\ Cardinality(Alive(holders[sess.from])) >= gen[sess.from].threshold
\* Every inbox key switch was signed with the old key.
SwitchSignedByOldKey == \A w \in switches : w.sigKey = w.old
\* Former members' surviving shares cannot sign for the inbox key.
FormerMembersCannotSign == \A g \in Gens :
  gen[g].status = "erased" /\ gen[g].key = groupKey => Cardinality(kept[g]) < gen[g].threshold
\* Liveness: a reshare to a committee of honest members, with a threshold of honest old dealers
\* and no crashes (MaxCrash = 0 in its model), completes.
HonestReshare(g) == Running /\ sess.kind = "reshare" /\ sess.to = g /\ sess.newMembers \cap Byz = {}
ReshareCompletes == \A g \in Gens : HonestReshare(g) ~> gen[g].status \in {"complete", "erased"}
=============================================================================

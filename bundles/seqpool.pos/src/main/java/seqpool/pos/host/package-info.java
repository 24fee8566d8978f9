/** The PoS bundle's Declarative Services components: the application and its service, and this node's duties. */
package seqpool.pos.host;

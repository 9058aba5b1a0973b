package io.shiporskip.api.tool.claim.entity;

/** How an approved claim was proved: the well-known file, the home page's meta tag, or an editor's review. */
public enum ProofMethod {
    WELL_KNOWN, META, ADMIN
}

// A token's revoke button takes the focus back from its confirmation; once the token is revoked the button is gone.
export function focusRevoke(tokenId, fallback) {
    const button = document.querySelector(`td[data-token="${CSS.escape(String(tokenId))}"] button`);
    (button ?? fallback)?.focus();
}

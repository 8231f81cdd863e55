// A dialog opened from an account's menu closes after the menu item that opened it is gone: the menu's button takes the focus.
export function focusActions(accountId) {
    document.querySelector(`td[data-account="${CSS.escape(accountId)}"] button`)?.focus();
}

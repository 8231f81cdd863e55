// The printed charts are drawn without animation, so the page can be printed as it stands.
export function print() {
    window.print();
}

import { describe, expect, it } from 'vitest';
import { type LintMessage, explain } from '../../scripts/lint-firefox';

// Code at (and before) the four flagged columns of the Firefox build, copied from the minified bundles.
const PREACT = { at: '_.innerHTML=a.__html),e.__k=[];else if(m&', before: 'c:s=="checked"?w=c:u&&typeof c!="function"||b[s]===c||M(_,s,c,b[s],i);if(a)u||m&&(a.__html==m.__html||a.__html==_.innerHTML)||(' };
const RETRY = { at: 'e.innerHTML=s,this._attempts.push({articl', before: 'var _t=!0,dr=this._getInnerText(O,!0).length;if(dr<this._charThreshold)if(_t=!1,' };
const NOSCRIPT = { at: 'a.innerHTML=s.innerHTML;var o=s.previousE', before: 'var i=Array.from(e.getElementsByTagName("noscript"));this._forEachNode(i,function(s){if(this._isSingleImage(s)){var a=e.createElement("div");' };
const warning = (file: string): LintMessage => ({ code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file, line: 1, column: 1 });

describe('lint:firefox explanations', () => {
  it('recognises the four innerHTML assignments of the bundles by their code', () => {
    expect(explain(warning('chunks/messaging-B5fQHnHa.js'), PREACT)?.why).toMatch(/Preact/);
    expect(explain(warning('content-scripts/crosscheck.js'), PREACT)?.why).toMatch(/Preact/);
    expect(explain(warning('content-scripts/crosscheck.js'), RETRY)?.why).toMatch(/Readability restoring/);
    expect(explain(warning('content-scripts/crosscheck.js'), NOSCRIPT)?.why).toMatch(/noscript/);
  });

  it('leaves any other innerHTML, file or code unexplained', () => {
    expect(explain(warning('content-scripts/crosscheck.js'), { at: 'n.innerHTML=t.text;', before: '' })).toBeNull();
    expect(explain(warning('content-scripts/crosscheck.js'), { ...NOSCRIPT, before: 'function(s){var a=e.createElement("div");' })).toBeNull();
    expect(explain(warning('popup.html'), PREACT)).toBeNull();
    expect(explain({ ...warning('content-scripts/crosscheck.js'), code: 'DANGEROUS_EVAL' }, RETRY)).toBeNull();
    expect(explain({ code: 'MISSING_ADDON_ID', message: 'The add-on ID is missing in the manifest.' }, { at: '', before: '' })).toBeNull();
  });
});

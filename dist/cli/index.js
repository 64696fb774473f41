#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 214:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports["default"] = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
//# sourceMappingURL=ucs2length.js.map

/***/ }),

/***/ 6:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(16);
const utils = __nccwpck_require__(59);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(595);
const utils = __nccwpck_require__(59);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 16:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(781);
const parse = __nccwpck_require__(265);
const utils = __nccwpck_require__(59);
const constants = __nccwpck_require__(595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(59);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 59:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// NAMESPACE OBJECT: ./src/core/input/validators.generated.js
var validators_generated_namespaceObject = {};
__nccwpck_require__.r(validators_generated_namespaceObject);
__nccwpck_require__.d(validators_generated_namespaceObject, {
  check_forbidden_flow: () => (check_forbidden_flow),
  check_required_flow: () => (check_required_flow),
  check_same_provider: () => (check_same_provider),
  check_same_region: () => (check_same_region),
  pack: () => (pack),
  policy: () => (policy),
  topology: () => (topology)
});

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/core/errors.ts
/**
 * Bad input: a topology, plan or policy that cannot be used. It carries every problem
 * found, so a user fixes them all in one round; the CLI exits 2 and the action fails.
 */
class InputError extends Error {
    problems;
    constructor(problems) {
        const sorted = [...problems].sort(compareProblems);
        super(sorted.map(formatProblem).join('\n'));
        this.name = 'InputError';
        this.problems = sorted;
    }
    static at(location, message) {
        return new InputError([{ ...location, message }]);
    }
}
function compareProblems(a, b) {
    return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
/** `file:line:column: message`, the form editors and terminals link. */
function formatProblem(p) {
    return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
/** Collects problems while validating, so that all of them are reported at once. */
class ProblemList {
    list = [];
    add(location, message) {
        this.list.push({ ...location, message });
    }
    addAll(problems) {
        for (const p of problems)
            this.list.push(p);
    }
    get size() {
        return this.list.length;
    }
    throwIfAny() {
        if (this.list.length > 0)
            throw new InputError(this.list);
    }
}

;// CONCATENATED MODULE: ./src/core/net/interval-set.ts
/** Sorts, merges overlapping and adjacent intervals. */
function normalize(input) {
    if (input.length <= 1)
        return input.filter((i) => i.lo <= i.hi).slice();
    const sorted = input.filter((i) => i.lo <= i.hi).sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
    const out = [];
    for (const cur of sorted) {
        const last = out[out.length - 1];
        if (last && cur.lo <= last.hi + 1n) {
            if (cur.hi > last.hi)
                out[out.length - 1] = { lo: last.lo, hi: cur.hi };
        }
        else {
            out.push(cur);
        }
    }
    return out;
}
function union(a, b) {
    if (a.length === 0)
        return b.slice();
    if (b.length === 0)
        return a.slice();
    return normalize([...a, ...b]);
}
/**
 * The first index at or after `from` whose interval ends at or after `lo` (`set.length` if
 * none). Galloping: a walk of a large set against a small one (a role's thousand server
 * addresses against one source) skips in log steps instead of one interval at a time.
 */
function seek(set, from, lo) {
    if (from >= set.length || set[from].hi >= lo)
        return from;
    // set[prev].hi < lo throughout; the answer is past prev.
    let prev = from;
    let step = 1;
    while (prev + step < set.length && set[prev + step].hi < lo) {
        prev += step;
        step *= 2;
    }
    let a = prev + 1;
    let b = Math.min(prev + step, set.length);
    while (a < b) {
        const mid = (a + b) >> 1;
        if (set[mid].hi < lo)
            a = mid + 1;
        else
            b = mid;
    }
    return a;
}
function intersect(a, b) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        const x = a[i];
        const y = b[j];
        if (x.hi < y.lo) {
            i = seek(a, i + 1, y.lo);
            continue;
        }
        if (y.hi < x.lo) {
            j = seek(b, j + 1, x.lo);
            continue;
        }
        const lo = x.lo > y.lo ? x.lo : y.lo;
        const hi = x.hi < y.hi ? x.hi : y.hi;
        if (lo <= hi)
            out.push({ lo, hi });
        if (x.hi < y.hi)
            i++;
        else
            j++;
    }
    return out;
}
function subtract(a, b) {
    if (a.length === 0 || b.length === 0)
        return a.slice();
    const out = [];
    let j = 0;
    for (const x of a) {
        let lo = x.lo;
        const hi = x.hi;
        j = seek(b, j, lo);
        let k = j;
        while (k < b.length && b[k].lo <= hi) {
            const y = b[k];
            if (y.lo > lo)
                out.push({ lo, hi: y.lo - 1n });
            lo = y.hi + 1n;
            if (lo > hi)
                break;
            k++;
        }
        if (lo <= hi)
            out.push({ lo, hi });
    }
    return out;
}
/** True when every member of `inner` is in `outer` (a merge walk that gallops: no allocation). */
function covers(outer, inner) {
    let j = 0;
    for (const x of inner) {
        j = seek(outer, j, x.lo);
        if (j >= outer.length)
            return false;
        // Sets are normalized (adjacent intervals merged), so one outer interval must hold x.
        if (outer[j].lo > x.lo || outer[j].hi < x.hi)
            return false;
    }
    return true;
}
/** True when the sets share a member (a merge walk that gallops: no allocation). */
function overlaps(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        const x = a[i];
        const y = b[j];
        if (x.hi < y.lo)
            i = seek(a, i + 1, y.lo);
        else if (y.hi < x.lo)
            j = seek(b, j + 1, x.lo);
        else
            return true;
    }
    return false;
}
function equal(a, b) {
    return a.length === b.length && a.every((x, i) => x.lo === b[i].lo && x.hi === b[i].hi);
}
function contains(set, value) {
    let lo = 0;
    let hi = set.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const iv = set[mid];
        if (value < iv.lo)
            hi = mid - 1;
        else if (value > iv.hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}
/** Number of members; for display and tests. */
function size(set) {
    let n = 0n;
    for (const iv of set)
        n += iv.hi - iv.lo + 1n;
    return n;
}

;// CONCATENATED MODULE: ./src/core/net/cidr.ts

/**
 * Exact IPv4 and IPv6 address sets. A set is two interval lists (one per family), so
 * unions, differences and coverage are exact to the last bit: `0.0.0.0/1` plus
 * `128.0.0.0/1` covers `0.0.0.0/0`, and `0.0.0.0/0` never covers `::/0`.
 */
const V4_MAX = (1n << 32n) - 1n;
const V6_MAX = (1n << 128n) - 1n;
function parseIPv4(text) {
    const parts = text.split('.');
    if (parts.length !== 4)
        return undefined;
    let value = 0n;
    for (const part of parts) {
        // Decimal only: leading zeros are ambiguous (octal in some tools), so refuse them.
        if (!/^(0|[1-9][0-9]{0,2})$/.test(part))
            return undefined;
        const n = Number(part);
        if (n > 255)
            return undefined;
        value = (value << 8n) | BigInt(n);
    }
    return value;
}
function parseIPv6(text) {
    if (text.includes('%'))
        return undefined; // zone ids have no meaning in a firewall rule
    let head = text;
    let tailV4;
    const lastColon = text.lastIndexOf(':');
    if (text.includes('.', lastColon)) {
        tailV4 = parseIPv4(text.slice(lastColon + 1));
        if (tailV4 === undefined)
            return undefined;
        head = text.slice(0, lastColon + 1) + '0:0'; // placeholder for the two groups it fills
    }
    const doubleColon = head.indexOf('::');
    if (doubleColon !== head.lastIndexOf('::'))
        return undefined;
    const groupsOf = (s) => {
        if (s === '')
            return [];
        const g = s.split(':');
        return g.every((x) => /^[0-9a-fA-F]{1,4}$/.test(x)) ? g : undefined;
    };
    let groups;
    if (doubleColon >= 0) {
        const left = groupsOf(head.slice(0, doubleColon));
        const right = groupsOf(head.slice(doubleColon + 2));
        if (!left || !right || left.length + right.length > 7)
            return undefined;
        groups = [...left, ...new Array(8 - left.length - right.length).fill('0'), ...right];
    }
    else {
        const all = groupsOf(head);
        if (!all || all.length !== 8)
            return undefined;
        groups = all;
    }
    let value = 0n;
    for (const g of groups)
        value = (value << 16n) | BigInt(parseInt(g, 16));
    if (tailV4 !== undefined)
        value = (value & ~0xffffffffn) | tailV4;
    return value;
}
/** Parses `10.0.0.0/8`, `10.0.0.1`, `2001:db8::/32`, `::ffff:10.0.0.1`. */
function parseCidr(input) {
    const text = input.trim();
    if (text === '')
        return { ok: false, error: 'empty address' };
    const slash = text.indexOf('/');
    const addrText = slash >= 0 ? text.slice(0, slash) : text;
    const prefixText = slash >= 0 ? text.slice(slash + 1) : undefined;
    const family = addrText.includes(':') ? 6 : 4;
    const address = family === 4 ? parseIPv4(addrText) : parseIPv6(addrText);
    if (address === undefined) {
        return { ok: false, error: `"${input}" is not an IPv${family} address${family === 4 ? ' (four decimal numbers 0-255, e.g. 10.0.0.0/8)' : ' (e.g. 2001:db8::/32)'}` };
    }
    const bits = family === 4 ? 32 : 128;
    let prefix = bits;
    if (prefixText !== undefined) {
        if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > bits) {
            return { ok: false, error: `"${input}" has an invalid prefix length: IPv${family} prefixes are 0 to ${bits}` };
        }
        prefix = Number(prefixText);
    }
    const hostMask = (1n << BigInt(bits - prefix)) - 1n;
    return { ok: true, value: { family, address, prefix, hasPrefix: prefixText !== undefined, hostBitsSet: (address & hostMask) !== 0n } };
}
function blockInterval(family, address, prefix) {
    const bits = family === 4 ? 32 : 128;
    const hostMask = (1n << BigInt(bits - prefix)) - 1n;
    const lo = address & ~hostMask & (family === 4 ? V4_MAX : V6_MAX);
    return { lo, hi: lo | hostMask };
}
function formatIPv4(value) {
    return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
}
/** RFC 5952 text: lower case, the longest run of two or more zero groups compressed. */
function formatIPv6(value) {
    const groups = [];
    for (let s = 112n; s >= 0n; s -= 16n)
        groups.push(Number((value >> s) & 0xffffn));
    let bestStart = -1;
    let bestLen = 1;
    for (let i = 0; i < 8;) {
        if (groups[i] !== 0) {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && groups[j] === 0)
            j++;
        if (j - i > bestLen) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (bestStart < 0)
        return hex.join(':');
    return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
function bitLength(x) {
    return x === 0n ? 0 : x.toString(2).length;
}
/** The fewest CIDR blocks that exactly cover an interval: each block as large as alignment and the rest allow. */
function intervalToCidrs(family, range) {
    const bits = family === 4 ? 32 : 128;
    const out = [];
    let lo = range.lo;
    while (lo <= range.hi) {
        const alignment = lo === 0n ? bits : bitLength(lo & -lo) - 1;
        const fits = bitLength(range.hi - lo + 1n) - 1;
        const size = Math.min(alignment, fits);
        const text = family === 4 ? formatIPv4(lo) : formatIPv6(lo);
        out.push(`${text}/${bits - size}`);
        lo += 1n << BigInt(size);
    }
    return out;
}
class AddressSet {
    v4;
    v6;
    static EMPTY = new AddressSet([], []);
    static ALL_V4 = new AddressSet([{ lo: 0n, hi: V4_MAX }], []);
    static ALL_V6 = new AddressSet([], [{ lo: 0n, hi: V6_MAX }]);
    static ALL = new AddressSet([{ lo: 0n, hi: V4_MAX }], [{ lo: 0n, hi: V6_MAX }]);
    constructor(v4, v6) {
        this.v4 = v4;
        this.v6 = v6;
    }
    /** Masks host bits, as every cloud does for a rule's CIDR. */
    static fromParsed(cidrs) {
        const v4 = [];
        const v6 = [];
        for (const c of cidrs)
            (c.family === 4 ? v4 : v6).push(blockInterval(c.family, c.address, c.prefix));
        return new AddressSet(normalize(v4), normalize(v6));
    }
    /** Parses CIDR texts; throws on an invalid one (callers validate input first). */
    static of(...cidrs) {
        return AddressSet.fromParsed(cidrs.map((c) => {
            const r = parseCidr(c);
            if (!r.ok)
                throw new Error(r.error);
            return r.value;
        }));
    }
    isEmpty() {
        return this.v4.length === 0 && this.v6.length === 0;
    }
    union(o) {
        if (o === this || o.isEmpty())
            return this;
        if (this.isEmpty())
            return o;
        if (this.covers(o))
            return this;
        if (o.covers(this))
            return o;
        return new AddressSet(union(this.v4, o.v4), union(this.v6, o.v6));
    }
    // Where the answer is one of the operands it is returned as is: the flow engine asks
    // these per pair, mostly of a rule that covers the source, and an operand keeps its
    // memoized description.
    intersect(o) {
        if (o === this)
            return this;
        if (this.isEmpty() || o.isEmpty())
            return AddressSet.EMPTY;
        if (o.covers(this))
            return this;
        if (this.covers(o))
            return o;
        // Most rules a flow is asked against do not match its end at all: no allocation for those.
        if (!this.overlaps(o))
            return AddressSet.EMPTY;
        return new AddressSet(intersect(this.v4, o.v4), intersect(this.v6, o.v6));
    }
    subtract(o) {
        if (this.isEmpty() || o.isEmpty() || !this.overlaps(o))
            return this;
        if (o.covers(this))
            return AddressSet.EMPTY;
        return new AddressSet(subtract(this.v4, o.v4), subtract(this.v6, o.v6));
    }
    /** True when every address of `o` is in this set. */
    covers(o) {
        if (o === this || o.isEmpty())
            return true;
        return covers(this.v4, o.v4) && covers(this.v6, o.v6);
    }
    overlaps(o) {
        return overlaps(this.v4, o.v4) || overlaps(this.v6, o.v6);
    }
    equals(o) {
        return equal(this.v4, o.v4) && equal(this.v6, o.v6);
    }
    cidrs;
    /** Minimal CIDR list, IPv4 first: what a message shows a person. */
    toCidrs() {
        this.cidrs ??= [...this.v4.flatMap((r) => intervalToCidrs(4, r)), ...this.v6.flatMap((r) => intervalToCidrs(6, r))];
        return this.cidrs;
    }
    described;
    /** Short human form; long lists are cut with a count. Memoized: messages ask for it per finding. */
    describe(max = 6) {
        let text = this.described?.get(max);
        if (text === undefined) {
            text = this.describeUncached(max);
            (this.described ??= new Map()).set(max, text);
        }
        return text;
    }
    describeUncached(max) {
        if (this.isEmpty())
            return 'no addresses';
        const all = this.toCidrs().map((c) => (c.endsWith('/32') && !c.includes(':') ? c.slice(0, -3) : c.endsWith('/128') ? c.slice(0, -4) : c));
        return all.length <= max ? all.join(', ') : `${all.slice(0, max).join(', ')} and ${all.length - max} more blocks`;
    }
    keyText;
    internedId;
    static interned = new Map();
    /** A small number equal for equal sets: cheap to put in a cache key. */
    id() {
        if (this.internedId === undefined) {
            const key = this.key();
            let id = AddressSet.interned.get(key);
            if (id === undefined)
                AddressSet.interned.set(key, (id = AddressSet.interned.size));
            this.internedId = id;
        }
        return this.internedId;
    }
    /** Stable key for memoising. */
    key() {
        if (this.keyText === undefined) {
            const enc = (xs) => xs.map((x) => `${x.lo.toString(36)}-${x.hi.toString(36)}`).join(',');
            this.keyText = `${enc(this.v4)}|${enc(this.v6)}`;
        }
        return this.keyText;
    }
}
/**
 * The public internet: everything but the private and special-purpose ranges that
 * never route on it (IANA special-purpose registries, RFC 6890). "Open to the
 * internet" means open to some address of this set.
 */
const NON_INTERNET_RANGES = [
    '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12',
    '192.0.0.0/24', '192.168.0.0/16', '198.18.0.0/15', '224.0.0.0/4', '240.0.0.0/4',
    '::/128', '::1/128', '::ffff:0:0/96', '64:ff9b:1::/48', '100::/64', 'fc00::/7', 'fe80::/10', 'ff00::/8',
];
const INTERNET = AddressSet.ALL.subtract(AddressSet.of(...NON_INTERNET_RANGES));

;// CONCATENATED MODULE: ./src/core/net/ports.ts

/** Exact sets of TCP/UDP ports (0-65535). */
class PortSet {
    ranges;
    static EMPTY = new PortSet([]);
    static ALL = new PortSet([{ lo: 0n, hi: 65535n }]);
    constructor(ranges) {
        this.ranges = ranges;
    }
    /** Ranges made so far: sets are immutable, and the flow engine asks for the same few ports per pair. */
    static made = new Map();
    static range(from, to) {
        if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= 65535)) {
            return new PortSet(normalize([{ lo: BigInt(from), hi: BigInt(to) }]));
        }
        const key = from * 65536 + to;
        let set = PortSet.made.get(key);
        if (!set) {
            if (PortSet.made.size >= 65536)
                PortSet.made.clear();
            set = new PortSet([{ lo: BigInt(from), hi: BigInt(to) }]);
            PortSet.made.set(key, set);
        }
        return set;
    }
    static of(...ports) {
        if (ports.length === 1)
            return PortSet.range(ports[0], ports[0]);
        return new PortSet(normalize(ports.map((p) => ({ lo: BigInt(p), hi: BigInt(p) }))));
    }
    static fromRanges(ranges) {
        const list = [...ranges].map(([a, b]) => ({ lo: BigInt(a), hi: BigInt(b) }));
        return new PortSet(normalize(list));
    }
    /** The union of many sets at once: one sort, where a fold of `union` would be quadratic in a long port list. */
    static unionOf(sets) {
        const all = [];
        for (const set of sets)
            for (const r of set.ranges)
                all.push(r);
        return all.length === 0 ? PortSet.EMPTY : new PortSet(normalize(all));
    }
    isEmpty() {
        return this.ranges.length === 0;
    }
    union(o) {
        return new PortSet(union(this.ranges, o.ranges));
    }
    intersect(o) {
        return new PortSet(intersect(this.ranges, o.ranges));
    }
    subtract(o) {
        return new PortSet(subtract(this.ranges, o.ranges));
    }
    covers(o) {
        return covers(this.ranges, o.ranges);
    }
    overlaps(o) {
        return overlaps(this.ranges, o.ranges);
    }
    numeric;
    /** Membership without BigInt: the flow engine asks this for every rule it looks at. */
    has(port) {
        let r = this.numeric;
        if (!r) {
            r = new Float64Array(this.ranges.length * 2);
            this.ranges.forEach((x, i) => {
                r[2 * i] = Number(x.lo);
                r[2 * i + 1] = Number(x.hi);
            });
            this.numeric = r;
        }
        for (let i = 0; i < r.length; i += 2) {
            if (port < r[i])
                return false;
            if (port <= r[i + 1])
                return true;
        }
        return false;
    }
    equals(o) {
        return equal(this.ranges, o.ranges);
    }
    pairs;
    /** [from, to] pairs, ascending (shared: do not modify). */
    toRanges() {
        this.pairs ??= this.ranges.map((r) => [Number(r.lo), Number(r.hi)]);
        return this.pairs;
    }
    described;
    /** `80, 443, 8000-8080`, or `all ports`. */
    describe() {
        if (this.described === undefined) {
            this.described = this.isEmpty() ? 'no ports' : this.equals(PortSet.ALL) ? 'all ports' : this.toRanges().map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(', ');
        }
        return this.described;
    }
}
/** One port spec as users write it: `443`, `"443"`, `"8000-8080"`. */
function parsePortSpec(spec) {
    if (typeof spec === 'number') {
        if (Number.isInteger(spec) && spec >= 0 && spec <= 65535)
            return { ok: true, value: PortSet.of(spec) };
        return { ok: false, error: `port ${spec} is out of range: ports are whole numbers 0 to 65535` };
    }
    if (typeof spec === 'string') {
        const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(spec);
        if (!m)
            return { ok: false, error: `"${spec}" is not a port or range: write 443 or "8000-8080"` };
        const from = Number(m[1]);
        const to = m[2] === undefined ? from : Number(m[2]);
        if (from > 65535 || to > 65535)
            return { ok: false, error: `"${spec}" is out of range: ports are 0 to 65535` };
        if (from > to)
            return { ok: false, error: `"${spec}" is an empty range: write the lower port first, "${to}-${from}"` };
        return { ok: true, value: PortSet.range(from, to) };
    }
    return { ok: false, error: `${JSON.stringify(spec)} is not a port: write 443 or "8000-8080"` };
}

;// CONCATENATED MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
var JSON_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
var HEX = "0123456789ABCDEF";
function percentByte(byte) {
	return "%" + HEX[byte >> 4] + HEX[byte & 15];
}
function tagPercentEncode(source, isSuffix) {
	const allowed = isSuffix ? TAG_SUFFIX_CHARS : TAG_URI_CHARS;
	let result = "";
	for (let index = 0; index < source.length; index++) {
		let ch = source.charCodeAt(index);
		if (ch >= 48 && ch <= 57 || ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122 || allowed.includes(source[index])) {
			result += source[index];
			continue;
		}
		if (ch >= 55296 && ch <= 56319) ch = 65536 + ((ch & 1023) << 10) + (source.charCodeAt(++index) & 1023);
		if (ch < 128) result += percentByte(ch);
		else if (ch < 2048) result += percentByte(192 | ch >> 6) + percentByte(128 | ch & 63);
		else if (ch < 65536) result += percentByte(224 | ch >> 12) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
		else result += percentByte(240 | ch >> 18) + percentByte(128 | ch >> 12 & 63) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
	}
	return result;
}
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
function tagNameShort(fullTag) {
	let tag = fullTag;
	if (tag.charCodeAt(0) === 33) {
		tag = tag.slice(1);
		return `!${tagPercentEncode(tag, true)}`;
	}
	if (tag.slice(0, 18) === "tag:yaml.org,2002:") return `!!${tagPercentEncode(tag.slice(18), true)}`;
	return `!<${tagPercentEncode(tag, false)}>`;
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
		...pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
function loadAll(input, iteratorOrOptions, options) {
	let iterator = null;
	if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
	else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
	const documents = loadDocuments(input, options);
	if (iterator === null) return documents;
	for (const document of documents) iterator(document);
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/from_js.ts
var INVALID = Symbol("INVALID");
function buildRepresentTypes(schema) {
	const defaultTags = new Set([
		schema.defaultScalarTag,
		schema.defaultSequenceTag,
		schema.defaultMappingTag
	].filter((t) => t !== void 0));
	const implicitScalars = schema.implicitScalarTags;
	const explicitTags = schema.tags.filter((t) => !(t.nodeKind === "scalar" && t.implicit) && !defaultTags.has(t));
	const defaultTagsLast = schema.tags.filter((t) => defaultTags.has(t));
	return [
		...implicitScalars.map((tag) => ({
			tag,
			implicitTag: true
		})),
		...explicitTags.map((tag) => ({
			tag,
			implicitTag: false
		})),
		...defaultTagsLast.map((tag) => ({
			tag,
			implicitTag: true
		}))
	];
}
function matchTag(state, object) {
	for (let index = 0, length = state.representTypes.length; index < length; index += 1) {
		const { tag, implicitTag } = state.representTypes[index];
		if (tag.identify(object)) {
			let tagName;
			if (tag.matchByTagPrefix) tagName = tag.representTagName(object);
			else tagName = tag.tagName;
			return {
				tag,
				tagName,
				implicitTag
			};
		}
	}
	return null;
}
function build(state, object) {
	if (!state.noRefs && object !== null && typeof object === "object") {
		const existing = state.refs.get(object);
		if (existing) {
			if (existing.anchor === void 0) existing.anchor = `ref_${state.refCounter++}`;
			return {
				kind: "alias",
				anchor: existing.anchor
			};
		}
	}
	const matched = matchTag(state, object);
	if (!matched) {
		if (object === void 0) return INVALID;
		if (state.skipInvalid) return INVALID;
		throw new YAMLException(`unacceptable kind of an object to dump ${Object.prototype.toString.call(object)}`);
	}
	const { tag, tagName, implicitTag } = matched;
	const nodeTagName = implicitTag ? tagName : tagNameShort(tagName);
	if (tag.nodeKind === "scalar") return {
		kind: "scalar",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: SCALAR_STYLE.PLAIN,
		value: tag.represent(object)
	};
	if (tag.nodeKind === "sequence") {
		const container = tag.represent(object);
		const node = {
			kind: "sequence",
			tag: nodeTagName,
			tagged: !implicitTag,
			style: COLLECTION_STYLE.BLOCK,
			items: []
		};
		if (!state.noRefs) state.refs.set(object, node);
		for (let index = 0, length = container.length; index < length; index += 1) {
			let item = build(state, container[index]);
			if (item === INVALID && container[index] === void 0) item = build(state, null);
			if (item === INVALID) continue;
			node.items.push(item);
		}
		return node;
	}
	const map = tag.represent(object);
	const node = {
		kind: "mapping",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: COLLECTION_STYLE.BLOCK,
		items: []
	};
	if (!state.noRefs) state.refs.set(object, node);
	for (const [objectKey, objectValue] of map) {
		const key = build(state, objectKey);
		if (key === INVALID) continue;
		const value = build(state, objectValue);
		if (value === INVALID) continue;
		node.items.push({
			key,
			value
		});
	}
	return node;
}
/**
* Convert JS object to AST. A JS value is one YAML document. An unrepresentable
* root becomes an empty document, which the presenter renders as an empty
* string.
*
* @category AST
*/
function jsToAst(input, schema, options = {}) {
	const root = build({
		representTypes: buildRepresentTypes(schema),
		noRefs: options.noRefs ?? false,
		skipInvalid: options.skipInvalid ?? false,
		refs: /* @__PURE__ */ new Map(),
		refCounter: 0
	}, input);
	return [{
		contents: root === INVALID ? null : root,
		directives: []
	}];
}
//#endregion
//#region src/ast/visit.ts
/**
* Return from a visitor to stop the whole traversal.
*
* @category AST
*/
var VISIT_BREAK = Symbol("visit:break");
/**
* Return from a visitor to skip the current node's children.
*
* @category AST
*/
var VISIT_SKIP = Symbol("visit:skip");
function visitNode(node, visitor, ctx) {
	const control = visitor(node, ctx);
	if (control === VISIT_BREAK) return true;
	if (control === VISIT_SKIP) return false;
	const depth = ctx.depth + 1;
	switch (node.kind) {
		case "sequence":
			for (const item of node.items) if (visitNode(item, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
			break;
		case "mapping": for (const { key, value } of node.items) {
			if (visitNode(key, visitor, {
				depth,
				parent: node,
				isKey: true
			})) return true;
			if (visitNode(value, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
		}
	}
	return false;
}
/**
* Walk every node in the documents, calling {@link Visitor} once per
* node (pre-order).
*
* @category AST
*/
function visit(documents, visitor) {
	for (const doc of documents) if (doc.contents && visitNode(doc.contents, visitor, {
		depth: 0,
		parent: null,
		isKey: false
	})) return;
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
//#endregion
//#region src/ast/scalar_styler.ts
function setBit(mask, bit) {
	return mask | 1 << bit;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var C_FORBIDDEN_FIRST_LINE = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/;
var C_FORBIDDEN_CONTENT = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/m;
function canUsePlain(layout) {
	const str = layout.node.value;
	if (str !== "") {
		if (!(layout.isKey ? layout.flowOnly ? NS_PLAIN_FLOW_KEY : NS_PLAIN_BLOCK_KEY : layout.flowOnly ? NS_PLAIN_FLOW_IN : NS_PLAIN_FLOW_OUT).test(str)) return false;
		if (layout.shiftOfFirstLine === 0 && C_FORBIDDEN_FIRST_LINE.test(str)) return false;
		if (layout.shiftOfContent === 0) {
			const firstLineBreak = str.indexOf("\n");
			if (firstLineBreak !== -1) {
				const content = str.slice(firstLineBreak + 1);
				if (C_FORBIDDEN_CONTENT.test(content)) return false;
			}
		}
	}
	const resolvedTag = layout.presenterOptions.schema.resolveImplicitScalarTag(str).tag.tagName;
	if (!layout.node.tagged && resolvedTag !== layout.node.tag) return false;
	if (!layout.node.tagged && str === "=" && resolvedTag === layout.presenterOptions.schema.defaultScalarTag.tagName) return false;
	return true;
}
function canUseSingleQuoted(layout) {
	const str = layout.node.value;
	if (!(layout.isKey ? NB_SINGLE_ONE_LINE : NB_SINGLE_MULTI_LINE).test(str)) return false;
	if (/[ \t]\n|\n[ \t]/.test(str)) return false;
	if (!layout.isKey && layout.shiftOfContent === 0) {
		const firstLineBreak = str.indexOf("\n");
		if (firstLineBreak !== -1 && C_FORBIDDEN_CONTENT.test(str.slice(firstLineBreak + 1))) return false;
	}
	return true;
}
function canUseBlock(layout) {
	if (layout.flowOnly || !BLOCK_SCALAR_CONTENT.test(layout.node.value)) return false;
	const contentIndent = layout.shiftOfContent - layout.shiftOfParent;
	if (contentIndent < 1) return false;
	if (contentIndent > 9 && /^\n* /.test(layout.node.value)) return false;
	if (layout.shiftOfContent === 0 && C_FORBIDDEN_CONTENT.test(layout.node.value)) return false;
	return true;
}
function detectAllowedStyles(layout) {
	let mask = setBit(0, SCALAR_STYLE.DOUBLE_QUOTED);
	if (canUsePlain(layout)) mask = setBit(mask, SCALAR_STYLE.PLAIN);
	if (canUseSingleQuoted(layout)) mask = setBit(mask, SCALAR_STYLE.SINGLE_QUOTED);
	if (canUseBlock(layout)) mask = setBit(setBit(mask, SCALAR_STYLE.LITERAL_BLOCK), SCALAR_STYLE.FOLDED_BLOCK);
	layout.allowedStylesMask = mask;
}
function renderScalar(layout) {
	switch (layout.style) {
		case SCALAR_STYLE.PLAIN: return renderPlain(layout);
		case SCALAR_STYLE.SINGLE_QUOTED: return renderSingleQuoted(layout);
		case SCALAR_STYLE.LITERAL_BLOCK: return renderLiteralBlock(layout);
		case SCALAR_STYLE.FOLDED_BLOCK: return renderFoldedBlock(layout);
		case SCALAR_STYLE.DOUBLE_QUOTED: return renderDoubleQuoted(layout);
	}
}
function renderPlain(layout) {
	return encodeFlowBreaks(layout.node.value, layout.shiftOfContent);
}
function renderSingleQuoted(layout) {
	return `'${encodeFlowBreaks(layout.node.value, layout.shiftOfContent).replace(/'/g, "''")}'`;
}
function renderLiteralBlock(layout) {
	const value = layout.node.value;
	return "|" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(value, layout.shiftOfContent));
}
function renderFoldedBlock(layout) {
	const value = layout.node.value;
	const w = layout.presenterOptions.lineWidth;
	let availableWidth = Infinity;
	if (w !== -1) availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	return ">" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(foldBlockScalar(value, availableWidth), layout.shiftOfContent));
}
function renderDoubleQuoted(layout) {
	return `"${escapeString(layout.node.value)}"`;
}
function encodeFlowBreaks(string, shiftOfContent) {
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) return string;
	const pad = " ".repeat(shiftOfContent);
	let result = string.slice(0, nextLF);
	const lineRe = /(\n+)([^\n]*)/g;
	lineRe.lastIndex = nextLF;
	let match;
	while (match = lineRe.exec(string)) {
		const breaks = match[1].length;
		const line = match[2];
		result += "\n".repeat(breaks + 1) + pad + line;
	}
	return result;
}
function indentString(string, spaces) {
	const indent = " ".repeat(spaces);
	let position = 0;
	let result = "";
	const length = string.length;
	while (position < length) {
		let line;
		const next = string.indexOf("\n", position);
		if (next === -1) {
			line = string.slice(position);
			position = length;
		} else {
			line = string.slice(position, next + 1);
			position = next + 1;
		}
		if (line.length && line !== "\n") result += indent;
		result += line;
	}
	return result;
}
function needIndentIndicator(string) {
	return /^\n* /.test(string);
}
function blockHeader(string, shiftOfParent, shiftOfContent) {
	const indentIndicator = needIndentIndicator(string) ? String(shiftOfContent - shiftOfParent) : "";
	const clip = string[string.length - 1] === "\n";
	return `${indentIndicator}${clip && (string[string.length - 2] === "\n" || string === "\n") ? "+" : clip ? "" : "-"}\n`;
}
function dropEndingNewline(string) {
	return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
}
function isMoreIndented(char) {
	return char === " " || char === "	";
}
function foldLine(line, width) {
	if (line === "" || isMoreIndented(line[0])) return line;
	const breakRe = / [^ \t]/g;
	let match;
	let start = 0;
	let end;
	let curr = 0;
	let next = 0;
	let result = "";
	while (match = breakRe.exec(line)) {
		next = match.index;
		if (next - start > width) {
			end = curr > start ? curr : next;
			result += `\n${line.slice(start, end)}`;
			start = end + 1;
		}
		curr = next;
	}
	result += "\n";
	if (line.length - start > width && curr > start) result += `${line.slice(start, curr)}\n${line.slice(curr + 1)}`;
	else result += line.slice(start);
	return result.slice(1);
}
function foldBlockScalar(string, width) {
	const lineRe = /(\n+)([^\n]*)/g;
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) nextLF = string.length;
	lineRe.lastIndex = nextLF;
	let result = foldLine(string.slice(0, nextLF), width);
	let prevMoreIndented = string[0] === "\n" || isMoreIndented(string[0]);
	let moreIndented;
	let match;
	while (match = lineRe.exec(string)) {
		const prefix = match[1];
		const line = match[2];
		moreIndented = line !== "" && isMoreIndented(line[0]);
		result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
		prevMoreIndented = moreIndented;
	}
	return result;
}
var CHARACTERS_TO_ESCAPE = /["\\\x00-\x1F\x7F-\xA0\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/gu;
function escapeCharacter(character) {
	switch (character) {
		case "\0": return "\\0";
		case "\x07": return "\\a";
		case "\b": return "\\b";
		case "	": return "\\t";
		case "\n": return "\\n";
		case "\v": return "\\v";
		case "\f": return "\\f";
		case "\r": return "\\r";
		case "\x1B": return "\\e";
		case "\"": return "\\\"";
		case "\\": return "\\\\";
		case "": return "\\N";
		case "\xA0": return "\\_";
		case "\u2028": return "\\L";
		case "\u2029": return "\\P";
	}
	const code = character.charCodeAt(0);
	const hex = code.toString(16).toUpperCase();
	if (code <= 255) return `\\x${"0".repeat(2 - hex.length)}${hex}`;
	return `\\u${"0".repeat(4 - hex.length)}${hex}`;
}
function escapeString(string) {
	return string.replace(CHARACTERS_TO_ESCAPE, escapeCharacter);
}
//#endregion
//#region src/ast/presenter.ts
var CHAR_LINE_FEED = 10;
var DEFAULT_PRESENTER_OPTIONS = {
	indent: 2,
	seqNoIndent: false,
	seqInlineFirst: true,
	lineWidth: 80,
	flowBracketPadding: false,
	flowSkipCommaSpace: false,
	flowSkipColonSpace: false,
	quoteFlowKeys: false,
	quoteStyle: "single",
	forceQuotes: false,
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
	tagBeforeAnchor: false
};
function nodeTagShort(node) {
	return node.tagged ? node.tag : tagNameShort(node.tag);
}
function createPresenterState(options) {
	const opts = {
		...DEFAULT_PRESENTER_OPTIONS,
		...options
	};
	if (opts.flowSkipColonSpace) opts.quoteFlowKeys = true;
	return {
		...opts,
		defaultScalarTagName: opts.schema.defaultScalarTag.tagName,
		openEnded: false
	};
}
function generateNextLine(state, level) {
	return `\n${" ".repeat(state.indent * level)}`;
}
function scalarLayout(state, node, parent, level, isKey, flowOnly) {
	return {
		node,
		parent,
		level,
		isKey,
		flowOnly,
		shiftOfParent: level === 0 ? -1 : state.indent * (level - 1),
		shiftOfContent: state.indent * Math.max(1, level),
		shiftOfFirstLine: level === 0 ? 0 : state.indent * level,
		presenterOptions: state,
		allowedStylesMask: 0,
		style: node.style
	};
}
function writeFlowSequence(state, level, node) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level, node.items[index], node, {}).text;
		if (index > 0) result += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		result += item;
	}
	const pad = state.flowBracketPadding && node.items.length > 0 ? " " : "";
	return `[${pad}${result}${pad}]`;
}
function writeBlockSequence(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level + 1, node.items[index], node, {
			block: true,
			compact: state.seqInlineFirst,
			isblockseq: true
		}).text;
		if (!compact || result !== "") result += generateNextLine(state, level);
		if (item === "" || CHAR_LINE_FEED === item.charCodeAt(0)) result += "-";
		else result += "- ";
		result += item;
	}
	return result;
}
function writeFlowMapping(state, level, node) {
	let result = "";
	for (const { key, value } of node.items) {
		let pairBuffer = "";
		if (result !== "") pairBuffer += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		const keyRender = writeNode(state, level, key, node, { iskey: true });
		const keyText = keyRender.text;
		const valueText = writeNode(state, level, value, node, {}).text;
		const sep = state.flowSkipColonSpace || valueText === "" ? "" : " ";
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = key.kind === "alias" || keyIsBareProps ? " " : "";
		pairBuffer += `${keyText}${keyColonSep}:${sep}${valueText}`;
		result += pairBuffer;
	}
	const pad = state.flowBracketPadding && result !== "" ? " " : "";
	return `{${pad}${result}${pad}}`;
}
function writeBlockMapping(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		let pairBuffer = "";
		if (!compact || result !== "") pairBuffer += generateNextLine(state, level);
		const { key, value } = node.items[index];
		const keyIsBlock = (key.kind === "mapping" || key.kind === "sequence") && key.style === COLLECTION_STYLE.BLOCK && key.items.length !== 0 || key.kind === "scalar" && (key.style === SCALAR_STYLE.LITERAL_BLOCK || key.style === SCALAR_STYLE.FOLDED_BLOCK);
		const keyRender = keyIsBlock ? writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			isblockseq: !cannotBeCompact(state, key, level + 1)
		}) : writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			iskey: true
		});
		const keyText = keyRender.text;
		const keyHasLineBreak = key.kind === "scalar" && key.value.indexOf("\n") !== -1;
		const keyIsTooLong = keyText.length > 1024 && /^[\s\S]{1025}/u.test(keyText);
		const explicitPair = keyIsBlock || keyHasLineBreak || keyIsTooLong;
		if (explicitPair) {
			if (keyText && CHAR_LINE_FEED === keyText.charCodeAt(0)) pairBuffer += "?";
			else pairBuffer += "? ";
		}
		pairBuffer += keyText;
		if (explicitPair) pairBuffer += generateNextLine(state, level);
		const valueText = writeNode(state, level + 1, value, node, {
			block: true,
			compact: explicitPair,
			isblockseq: explicitPair && !cannotBeCompact(state, value, level + 1)
		}).text;
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = !explicitPair && (key.kind === "alias" || keyIsBareProps) ? " " : "";
		if (valueText === "" || CHAR_LINE_FEED === valueText.charCodeAt(0)) pairBuffer += `${keyColonSep}:`;
		else pairBuffer += `${keyColonSep}: `;
		pairBuffer += valueText;
		result += pairBuffer;
	}
	return result;
}
function cannotBeCompact(state, node, level) {
	if (node.kind === "alias") return true;
	return node.tagged || node.anchor !== void 0 || state.indent < 2 && level > 0;
}
function writeNode(state, level, node, parent, ctx) {
	if (node.kind === "alias") {
		state.openEnded = false;
		return {
			text: `*${node.anchor}`,
			noBody: false
		};
	}
	const { block = false, iskey = false, isblockseq = false } = ctx;
	let compact = ctx.compact ?? false;
	const hasAnchor = node.anchor !== void 0;
	if (cannotBeCompact(state, node, level)) compact = false;
	let body;
	let shouldPrintTag = node.tagged;
	const useBlockCollection = block && (node.kind === "mapping" || node.kind === "sequence") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0;
	if (node.kind === "mapping") {
		if (useBlockCollection) body = writeBlockMapping(state, level, node, compact);
		else body = writeFlowMapping(state, level, node);
	} else if (node.kind === "sequence") {
		if (useBlockCollection) {
			if (state.seqNoIndent && !isblockseq && level > 0) body = writeBlockSequence(state, level - 1, node, compact);
			else body = writeBlockSequence(state, level, node, compact);
		} else body = writeFlowSequence(state, level, node);
	} else {
		const layout = scalarLayout(state, node, parent, level, iskey, !block);
		detectAllowedStyles(layout);
		for (const rule of state.scalarStyleRules) rule(layout);
		body = renderScalar(layout);
		state.openEnded = (layout.style === SCALAR_STYLE.LITERAL_BLOCK || layout.style === SCALAR_STYLE.FOLDED_BLOCK) && (node.value === "\n" || node.value.endsWith("\n\n"));
		shouldPrintTag = node.tagged || body === "" && layout.flowOnly && parent?.kind === "sequence" && !hasAnchor || layout.style !== SCALAR_STYLE.PLAIN && node.tag !== state.defaultScalarTagName;
	}
	if ((node.kind === "mapping" || node.kind === "sequence") && !useBlockCollection) state.openEnded = false;
	if (useBlockCollection && compact && level > 0 && state.indent > 2) body = `${" ".repeat(state.indent - 2)}${body}`;
	const noBody = body === "";
	let text = body;
	if (shouldPrintTag || hasAnchor) {
		const props = [];
		const tag = shouldPrintTag ? nodeTagShort(node) : null;
		const anchor = hasAnchor ? `&${node.anchor}` : null;
		if (state.tagBeforeAnchor) {
			if (tag !== null) props.push(tag);
			if (anchor !== null) props.push(anchor);
		} else {
			if (anchor !== null) props.push(anchor);
			if (tag !== null) props.push(tag);
		}
		const sep = body === "" || body.charCodeAt(0) === CHAR_LINE_FEED ? "" : " ";
		text = `${props.join(" ")}${sep}${body}`;
	}
	return {
		text,
		noBody
	};
}
function rootStartsOwnLine(node) {
	return (node.kind === "sequence" || node.kind === "mapping") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0 && !node.tagged && node.anchor === void 0;
}
function writeDocumentDirectives(doc) {
	let result = "";
	for (const directive of doc.directives) {
		if (directive.kind === "yaml") {
			result += `%YAML ${directive.version}\n`;
			continue;
		}
		const { handle, prefix } = directive;
		result += `%TAG ${handle} ${prefix}\n`;
	}
	return result;
}
/**
* Build YAML from AST.
*
* @category AST
*/
function present(documents, options) {
	const state = createPresenterState(options);
	let result = "";
	let previousEnded = false;
	for (let index = 0; index < documents.length; index += 1) {
		const doc = documents[index];
		state.openEnded = false;
		const directives = writeDocumentDirectives(doc);
		const hasDirectives = directives !== "";
		const marker = doc.explicitStart || hasDirectives || index > 0 && !previousEnded;
		result += directives;
		if (doc.contents === null) {
			if (marker) result += "---\n";
		} else if (marker) {
			const body = writeNode(state, 0, doc.contents, null, {
				block: true,
				compact: true
			}).text;
			const sep = body === "" ? "" : hasDirectives || rootStartsOwnLine(doc.contents) ? "\n" : " ";
			result += `---${sep}${body}\n`;
		} else result += writeNode(state, 0, doc.contents, null, {
			block: true,
			compact: true
		}).text + "\n";
		previousEnded = doc.explicitEnd || state.openEnded;
		if (previousEnded) result += "...\n";
	}
	return result;
}
//#endregion
//#region src/dump.ts
var DEFAULT_DUMP_OPTIONS = {
	...DEFAULT_PRESENTER_OPTIONS,
	schema: DUMP_SCHEMA,
	skipInvalid: false,
	noRefs: false,
	flowLevel: -1,
	sortKeys: false,
	transform: () => {}
};
function defaultCompareFn(a, b) {
	const x = String(a);
	const y = String(b);
	if (x < y) return -1;
	if (x > y) return 1;
	return 0;
}
/**
* Serializes JS object as a YAML document. By default it can dump every
* supported YAML type, so it throws an exception if you try to dump regexps or
* functions. However, you can disable exceptions by setting the
* {@link DumpOptions.skipInvalid} option to `true`.
*
* @category Main
*/
function dump(input, options = {}) {
	const opts = {
		...DEFAULT_DUMP_OPTIONS,
		...options
	};
	const documents = jsToAst(input, opts.schema, {
		noRefs: opts.noRefs,
		skipInvalid: opts.skipInvalid
	});
	if (opts.flowLevel >= 0) visit(documents, (node, ctx) => {
		if (ctx.depth < opts.flowLevel) return;
		if (node.kind === "sequence" || node.kind === "mapping") node.style = COLLECTION_STYLE.FLOW;
		return VISIT_SKIP;
	});
	if (opts.sortKeys) {
		const compareFn = opts.sortKeys === true ? defaultCompareFn : opts.sortKeys;
		visit(documents, (node) => {
			if (node.kind !== "mapping") return;
			node.items.sort((a, b) => compareFn(a.key.kind === "scalar" ? a.key.value : "", b.key.kind === "scalar" ? b.key.value : ""));
		});
	}
	opts.transform(documents);
	return present(documents, {
		...pick(opts, Object.keys(DEFAULT_PRESENTER_OPTIONS)),
		schema: opts.schema
	});
}
//#endregion
//#region src/ast/from_events.ts
var NO_RANGE = (/* unused pure expression or super */ null && (-1));
function eventPosition(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function rawTag(state, event) {
	return event.tagStart === NO_RANGE ? "" : state.source.slice(event.tagStart, event.tagEnd);
}
function anchorName(state, event) {
	return event.anchorStart === NO_RANGE ? void 0 : state.source.slice(event.anchorStart, event.anchorEnd);
}
function buildScalar(state, event) {
	const value = getScalarValue(state.source, event);
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw !== "") {
		tagged = true;
		tag = raw;
	} else if (event.style === SCALAR_STYLE.PLAIN) tag = state.schema.resolveImplicitScalarTag(value).tag.tagName;
	else tag = state.schema.defaultScalarTag.tagName;
	return {
		kind: "scalar",
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event),
		value
	};
}
function buildCollection(state, event, defaultTagName) {
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw === "") tag = defaultTagName;
	else {
		tag = raw;
		tagged = true;
	}
	return {
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event)
	};
}
function addNode(state, node) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") frame.doc.contents = node;
	else if (frame.kind === "sequence") frame.node.items.push(node);
	else if (frame.key) {
		frame.node.items.push({
			key: frame.key,
			value: node
		});
		frame.key = null;
	} else frame.key = node;
}
/**
* Builds an AST from parser events
*
* @category AST
*/
function eventsToAst(events, options) {
	const state = {
		source: options.source,
		schema: options.schema,
		eventIndex: 0,
		position: 0,
		frames: [],
		documents: []
	};
	while (state.eventIndex < events.length) {
		const event = events[state.eventIndex++];
		state.position = eventPosition(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT: {
				const doc = {
					contents: null,
					explicitStart: event.explicitStart,
					explicitEnd: event.explicitEnd,
					directives: event.directives
				};
				state.frames.push({
					kind: "document",
					doc
				});
				break;
			}
			case EVENT_ID.SCALAR:
				addNode(state, buildScalar(state, event));
				break;
			case EVENT_ID.SEQUENCE: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:seq");
				const node = {
					kind: "sequence",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "sequence",
					node
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:map");
				const node = {
					kind: "mapping",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "mapping",
					node,
					key: null
				});
				break;
			}
			case EVENT_ID.ALIAS:
				addNode(state, {
					kind: "alias",
					anchor: state.source.slice(event.anchorStart, event.anchorEnd)
				});
				break;
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.key) throw new Error("incomplete mapping pair in event stream");
				if (frame.kind === "document") state.documents.push(frame.doc);
				else addNode(state, frame.node);
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/index.ts
/** @deprecated Use `EVENT_ID.DOCUMENT` instead. @internal */
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
/** @deprecated Use `EVENT_ID.SEQUENCE` instead. @internal */
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
/** @deprecated Use `EVENT_ID.MAPPING` instead. @internal */
var EVENT_MAPPING = EVENT_ID.MAPPING;
/** @deprecated Use `EVENT_ID.SCALAR` instead. @internal */
var EVENT_SCALAR = EVENT_ID.SCALAR;
/** @deprecated Use `EVENT_ID.ALIAS` instead. @internal */
var EVENT_ALIAS = EVENT_ID.ALIAS;
/** @deprecated Use `EVENT_ID.POP` instead. @internal */
var EVENT_POP = EVENT_ID.POP;
/** @deprecated Use `SCALAR_STYLE.PLAIN` instead. @internal */
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
/** @deprecated Use `SCALAR_STYLE.SINGLE_QUOTED` instead. @internal */
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.DOUBLE_QUOTED` instead. @internal */
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.LITERAL_BLOCK` instead. @internal */
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
/** @deprecated Use `SCALAR_STYLE.FOLDED_BLOCK` instead. @internal */
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
/** @deprecated Use `COLLECTION_STYLE.BLOCK` instead. @internal */
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
/** @deprecated Use `COLLECTION_STYLE.FLOW` instead. @internal */
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
/** @deprecated Use `CHOMPING_MODE.CLIP` instead. @internal */
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
/** @deprecated Use `CHOMPING_MODE.STRIP` instead. @internal */
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
/** @deprecated Use `CHOMPING_MODE.KEEP` instead. @internal */
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;
//#endregion


//# sourceMappingURL=js-yaml.mjs.map
;// CONCATENATED MODULE: ./src/core/input/yaml-unclosed.ts
/**
 * Finds the quotes and flow brackets that a YAML text opens and never closes. js-yaml
 * reports such a slip where it gives up, typically the next line ("deficient
 * indentation"), which sends the reader to a line with nothing wrong on it; the opener is
 * where the fix goes.
 *
 * A light scan, not a parser: it knows comments, quoted scalars ('' and \ escapes), flow
 * brackets and block scalars (| and >), and treats a quote or bracket as an opener only
 * where a value can start (line start, or after `:`, `-`, `?`, `,`, `[`, `{`), so the quote
 * in `it's` or the brackets in `x[1]` are plain text. It can still be fooled (a plain
 * scalar like `why? 'cause`), so the caller confirms a finding by closing the openers and
 * parsing again. A closer that does not match its opener is a different slip: none found.
 */
const isSpace = (c) => c === ' ' || c === '\t';
/** The openers never closed, outermost first; empty when there are none (or a closer does not match). */
function findUnclosed(text) {
    const flow = [];
    let i = 0;
    /** The last significant character on this line before `i` ('' at a line start). */
    let prev = '';
    let spaceSincePrev = true;
    let lineIndent = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === '\n' || c === '\r') {
            i++;
            if (flow.length === 0) {
                prev = '';
                spaceSincePrev = true;
            }
            let indent = 0;
            while (text[i + indent] === ' ')
                indent++;
            lineIndent = indent;
            continue;
        }
        if (isSpace(c)) {
            spaceSincePrev = true;
            i++;
            continue;
        }
        if (c === '#' && (spaceSincePrev || prev === '')) {
            while (i < text.length && text[i] !== '\n')
                i++;
            continue;
        }
        // Where a value may start: a quote or bracket here opens something.
        const valueStart = prev === '' || ((prev === ':' || prev === '-' || prev === '?') && spaceSincePrev) || prev === ',' || prev === '[' || prev === '{';
        if (valueStart && (c === '"' || c === "'")) {
            const start = i;
            i++;
            for (;;) {
                if (i >= text.length)
                    return [...flow, { offset: start, char: c }];
                const q = text[i];
                if (c === '"' && q === '\\')
                    i += 2;
                else if (q === c && c === "'" && text[i + 1] === "'")
                    i += 2;
                else if (q === c)
                    break;
                else
                    i++;
            }
            i++;
            prev = c;
            spaceSincePrev = false;
            continue;
        }
        if ((valueStart || flow.length > 0) && (c === '[' || c === '{')) {
            flow.push({ offset: i, char: c });
        }
        else if (flow.length > 0 && (c === ']' || c === '}')) {
            const open = flow[flow.length - 1];
            if ((c === ']') !== (open.char === '['))
                return [];
            flow.pop();
        }
        else if (valueStart && flow.length === 0 && (c === '|' || c === '>')) {
            // A block scalar: its lines are text, down to the first line indented no deeper than this one's.
            const parent = lineIndent;
            while (i < text.length) {
                const nl = text.indexOf('\n', i);
                if (nl < 0)
                    return flow;
                i = nl + 1;
                let indent = 0;
                while (text[i + indent] === ' ')
                    indent++;
                const blank = text[i + indent] === '\n' || text[i + indent] === '\r' || i + indent >= text.length;
                if (!blank && indent <= parent) {
                    lineIndent = indent;
                    break;
                }
            }
            prev = '';
            spaceSincePrev = true;
            continue;
        }
        prev = c;
        spaceSincePrev = false;
        i++;
    }
    return flow;
}
const CLOSER = { '"': '"', "'": "'", '[': ']', '{': '}' };
/** Where the content of the line holding `from` ends: before a comment and trailing blanks. */
function contentEnd(text, from, inQuote) {
    let i = from;
    let quote = '';
    let end = from;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
        const c = text[i];
        if (!inQuote && quote === '' && c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t'))
            break;
        if (!inQuote) {
            if (quote === '' && (c === '"' || c === "'") && i > from)
                quote = c;
            else if (quote === '"' && c === '\\')
                i++;
            else if (c === quote)
                quote = '';
        }
        if (c !== ' ' && c !== '\t')
            end = i + 1;
        i++;
    }
    return Math.max(end, from + 1);
}
/** Inserts each opener's closer at its point, inner ones before outer ones sharing a point. */
function insertClosers(text, openers, points, offset) {
    let out = text;
    let shift = 0;
    // From the last point back, so earlier positions stay valid; at one point, outer
    // closers go in first, and each inner one lands before them.
    const order = openers.map((_, k) => k).sort((a, b) => points[b] - points[a] || a - b);
    for (const k of order) {
        out = out.slice(0, points[k]) + CLOSER[openers[k].char] + out.slice(points[k]);
        if (points[k] <= offset)
            shift++;
    }
    return { text: out, shift };
}
/**
 * Ways to close the openers, for the caller to try: each at the end of its own line
 * (before a comment), or all where the value last had content before `stop` (a list
 * written over several lines). Each with how many characters it inserts at or before `stop`.
 */
function closings(text, openers, stop) {
    const own = openers.map((o) => contentEnd(text, o.offset, o.char === '"' || o.char === "'"));
    // The last line before `stop` with content (not blank, not only a comment).
    let lineStart = text.lastIndexOf('\n', Math.max(0, stop - 1));
    let last;
    while (lineStart > 0) {
        const prevStart = text.lastIndexOf('\n', lineStart - 1) + 1;
        const line = text.slice(prevStart, lineStart).replace(/\r$/, '');
        const trimmed = line.trim();
        if (trimmed !== '' && !trimmed.startsWith('#')) {
            last = prevStart;
            break;
        }
        lineStart = prevStart - 1;
    }
    const innermost = openers[openers.length - 1];
    const candidates = [insertClosers(text, openers, own, stop)];
    if (last !== undefined && last > innermost.offset) {
        const point = contentEnd(text, last, false);
        candidates.push(insertClosers(text, openers, openers.map(() => point), stop));
    }
    return candidates;
}
const closerOf = (char) => CLOSER[char] ?? char;

;// CONCATENATED MODULE: ./src/core/input/decode.ts

/**
 * Bytes to text for every input: UTF-8 with or without a byte-order mark, and UTF-16
 * with a mark (Windows PowerShell writes `terraform show -json > plan.json` that way).
 * Binary files are refused with a message saying what they look like.
 */
function decodeInput(bytes, file) {
    const utf8 = utf8Bytes(bytes, file);
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(utf8);
    }
    catch {
        throw InputError.at({ file, line: 1, column: 1 }, 'this file is not valid UTF-8 text. Save it as UTF-8 (or UTF-16 with a byte-order mark).');
    }
}
/**
 * The input as UTF-8 bytes without a byte-order mark, for readers that work on bytes
 * (large plans): UTF-16 is converted, binary files are refused as in decodeInput. The
 * UTF-8 itself is checked by whoever decodes it.
 */
function utf8Bytes(bytes, file) {
    // UTF-32 first: its little-endian mark starts like UTF-16's.
    if (bytes.length >= 4 && ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff))) {
        throw InputError.at({ file, line: 1, column: 1 }, 'this file is UTF-32 text. Save it as UTF-8 (or UTF-16 with a byte-order mark).');
    }
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
        return new TextEncoder().encode(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
        return new TextEncoder().encode(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
    const kind = binaryKind(bytes);
    if (kind === UTF16_WITHOUT_MARK)
        throw InputError.at({ file, line: 1, column: 1 }, 'this file is UTF-16 text without a byte-order mark. Save it as UTF-8 (or UTF-16 with a byte-order mark).');
    if (kind)
        throw InputError.at({ file, line: 1, column: 1 }, `this is a binary file (${kind}), not text. ${kind.startsWith('zip') ? 'A saved Terraform plan file is a zip archive: convert it with `terraform show -json plan.out > plan.json`.' : 'Pass a YAML topology or a JSON plan from `terraform show -json`.'}`);
    return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}
const UTF16_WITHOUT_MARK = 'UTF-16 without a byte-order mark';
function binaryKind(bytes) {
    const head = bytes.subarray(0, 8);
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
        return 'zip archive';
    if (head[0] === 0x1f && head[1] === 0x8b)
        return 'gzip archive';
    if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46)
        return 'ELF executable';
    if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47)
        return 'PNG image';
    if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46)
        return 'PDF document';
    // A NUL byte in the first 8 KiB of a file without a UTF-16 mark: not text we can read.
    const probe = bytes.subarray(0, 8192);
    for (let i = 0; i < probe.length; i++)
        if (probe[i] === 0)
            return looksLikeUtf16(probe) ? UTF16_WITHOUT_MARK : 'contains NUL bytes';
    return undefined;
}
/** ASCII text in UTF-16 has a NUL in every other byte, and only there. */
function looksLikeUtf16(probe) {
    const pairs = probe.length >> 1;
    if (pairs < 4)
        return false;
    let zeroEven = 0;
    let zeroOdd = 0;
    for (let i = 0; i + 1 < probe.length; i += 2) {
        if (probe[i] === 0)
            zeroEven++;
        if (probe[i + 1] === 0)
            zeroOdd++;
    }
    const mostly = (n) => n >= pairs * 0.9;
    const rarely = (n) => n <= pairs * 0.1;
    return (mostly(zeroOdd) && rarely(zeroEven)) || (mostly(zeroEven) && rarely(zeroOdd));
}
/** Removes a byte-order mark left in already-decoded text. */
function stripBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

;// CONCATENATED MODULE: ./src/core/input/text-position.ts
/** Maps offsets in a text to 1-based line and column (CRLF counts as one line break). */
class LineIndex {
    file;
    text;
    starts = [0];
    constructor(file, text) {
        this.file = file;
        this.text = text;
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    at(offset) {
        const o = Math.max(0, Math.min(offset, this.text.length));
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= o)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { file: this.file, line: lo + 1, column: o - this.starts[lo] + 1 };
    }
}

;// CONCATENATED MODULE: ./src/core/input/located-yaml.ts





const DEFAULT_YAML_LIMITS = { maxBytes: 8 * 1024 * 1024, maxDepth: 64, maxAliases: 1000, maxNodes: 500_000 };
const SEP = '\u0000';
const pathKey = (path) => path.join(SEP);
function recordPositions(text, events) {
    const positions = new Map();
    let i = 0;
    const startOf = (e) => {
        let at = Number.MAX_SAFE_INTEGER;
        if (e.type === EVENT_ID.SCALAR)
            at = e.style === 2 || e.style === 3 ? e.valueStart - 1 : e.valueStart;
        else if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE)
            at = e.start;
        else if (e.type === EVENT_ID.ALIAS)
            at = e.anchorStart - 1;
        if ('anchorStart' in e && e.type !== EVENT_ID.ALIAS && e.anchorStart >= 0)
            at = Math.min(at, e.anchorStart - 1);
        if ('tagStart' in e && e.tagStart >= 0)
            at = Math.min(at, e.tagStart);
        // An empty node (`-` or `key:` with nothing after it) has no position of its own: -1.
        return at === Number.MAX_SAFE_INTEGER || at < 0 ? -1 : at;
    };
    const stack = [];
    const place = (offset) => {
        const top = stack[stack.length - 1];
        if (!top)
            return '';
        if (top.kind === 'seq') {
            const p = top.path === '' && stack.length === 1 ? String(top.index) : `${top.path}${SEP}${top.index}`;
            top.index++;
            // Without a position of its own, an item is placed by its sequence (find() walks up).
            if (offset >= 0)
                positions.set(p, { value: offset });
            return p;
        }
        if (!top.pendingKey)
            return undefined; // this node is a key
        const p = stack.length === 1 ? top.pendingKey.text : `${top.path}${SEP}${top.pendingKey.text}`;
        positions.set(p, { key: top.pendingKey.offset, value: offset >= 0 ? offset : top.pendingKey.offset });
        top.pendingKey = undefined;
        return p;
    };
    for (; i < events.length; i++) {
        const e = events[i];
        if (e.type === EVENT_ID.DOCUMENT)
            continue;
        if (e.type === EVENT_ID.POP) {
            stack.pop();
            continue;
        }
        const offset = startOf(e);
        const top = stack[stack.length - 1];
        const isKey = top?.kind === 'map' && !top.pendingKey;
        if (isKey) {
            if (e.type === EVENT_ID.SCALAR) {
                top.pendingKey = { text: getScalarValue(text, e), offset };
            }
            else {
                // A complex key (a mapping or sequence used as a key): its value gets no position of its own.
                top.pendingKey = { text: `\u0001complex${i}`, offset };
                if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE)
                    stack.push({ kind: e.type === EVENT_ID.MAPPING ? 'map' : 'seq', path: `\u0001skip${i}`, index: 0 });
            }
            continue;
        }
        const p = stack.length === 0 ? '' : place(offset);
        if (stack.length === 0)
            positions.set('', { value: Math.max(0, offset) });
        if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
            stack.push({ kind: e.type === EVENT_ID.MAPPING ? 'map' : 'seq', path: p ?? '', index: 0 });
        }
    }
    return positions;
}
/** Counts nodes with aliases expanded, stopping at the limit (an alias bomb stops early). */
function expandedSizeExceeds(value, limit) {
    let count = 0;
    const stack = [value];
    while (stack.length > 0) {
        const v = stack.pop();
        if (++count > limit)
            return true;
        if (Array.isArray(v))
            for (const x of v)
                stack.push(x);
        else if (v !== null && typeof v === 'object')
            for (const x of Object.values(v))
                stack.push(x);
    }
    return false;
}
function yamlHint(reason) {
    if (/indentation|mapping entry|block mapping|block sequence/.test(reason))
        return ' Check the indentation of this line against the lines above it (spaces only, no tabs).';
    if (/tab/.test(reason))
        return ' YAML indents with spaces; replace the tab characters.';
    if (/duplicated mapping key/.test(reason))
        return ' Each key may appear once in a mapping; remove or rename the repeated one.';
    if (/end of the stream/.test(reason))
        return ' A quote or bracket opened here is never closed.';
    if (/maxDepth/.test(reason))
        return ' The document is nested too deeply to be a topology or policy file.';
    if (/unidentified alias/.test(reason))
        return ' An alias (*name) must name an anchor (&name) written above it; write the value out, or fix the name.';
    if (/alias/.test(reason))
        return ' Too many aliases (*name): write the values out instead.';
    return '';
}
/** js-yaml's error at its own position, with a hint. */
function yamlError(err, file) {
    const e = err;
    const reason = e.reason ?? e.message ?? String(err);
    const at = e.mark ? { file, line: e.mark.line + 1, column: e.mark.column + 1 } : { file, line: 1, column: 1 };
    return InputError.at(at, `invalid YAML: ${reason}.${yamlHint(reason)}`);
}
/**
 * A syntax error. A quote or bracket never closed is noticed by js-yaml lines later: when
 * closing the openers the scan finds lets the parser get past where it stopped, the
 * innermost opener is the slip, and the error points at it.
 */
function syntaxError(err, text, lines, parse) {
    const e = err;
    const stop = e.mark?.position;
    const openers = stop === undefined ? [] : findUnclosed(text).filter((o) => o.offset < stop);
    if (stop === undefined || openers.length === 0)
        return yamlError(err, lines.file);
    const getsFurther = (closed) => {
        try {
            parse(closed.text);
            return true;
        }
        catch (again) {
            const next = again.mark?.position;
            return next !== undefined && next > stop + closed.shift;
        }
    };
    if (!closings(text, openers, stop).some(getsFurther))
        return yamlError(err, lines.file);
    const name = (c) => ({ '"': 'double quote (")', "'": "single quote (')", '[': 'bracket [', '{': 'brace {' })[c] ?? c;
    const open = openers[openers.length - 1];
    const where = text.slice(stop).trim() === '' ? 'at the end of the file' : `at line ${(e.mark?.line ?? 0) + 1}`;
    // The innermost is the one to close first; the ones around it are named, with where they open.
    const outer = openers.slice(0, -1).reverse().map((o) => {
        const at = lines.at(o.offset);
        return `the ${name(o.char)} at line ${at.line}, column ${at.column}`;
    });
    const also = outer.length > 0 ? ` Then close ${outer.join(', then ')}, which ${outer.length === 1 ? 'is' : 'are'} never closed either.` : '';
    return InputError.at(lines.at(open.offset), `invalid YAML: the ${name(open.char)} opened here is never closed (the parser stops ${where}: ${e.reason ?? e.message}). Close it with ${closerOf(open.char)} where the value ends.${also}`);
}
function parseYaml(input, file, limits = DEFAULT_YAML_LIMITS) {
    const text = stripBom(input);
    const lines = new LineIndex(file, text);
    const start = { file, line: 1, column: 1 };
    if (text.length > limits.maxBytes) {
        throw InputError.at(start, `the file is ${(text.length / 1048576).toFixed(1)} MiB; files of this kind are limited to ${(limits.maxBytes / 1048576).toFixed(0)} MiB. Is this the right file?`);
    }
    if (text.trim() === '')
        throw InputError.at(start, 'the file is empty. Write a YAML document (see the README for the format).');
    let documents;
    let events;
    const parse = (t) => parseEvents(t, { filename: file, maxDepth: limits.maxDepth });
    try {
        events = parse(text);
    }
    catch (err) {
        throw syntaxError(err, text, lines, parse);
    }
    try {
        documents = constructFromEvents(events, { source: text, filename: file, schema: CORE_SCHEMA.withTags(mergeTag), maxAliases: limits.maxAliases });
    }
    catch (err) {
        throw yamlError(err, file);
    }
    if (documents.length !== 1) {
        throw InputError.at(start, documents.length === 0 ? 'the file has no YAML document.' : `the file holds ${documents.length} YAML documents (separated by ---); put one document per file.`);
    }
    const value = documents[0];
    if (expandedSizeExceeds(value, limits.maxNodes)) {
        throw InputError.at(start, `the document expands to more than ${limits.maxNodes} values (aliases included); this is far larger than any topology or policy. Write it out without alias chains.`);
    }
    const positions = recordPositions(text, events);
    const find = (path) => {
        for (let n = path.length; n >= 0; n--) {
            const pos = positions.get(pathKey(path.slice(0, n)));
            if (pos)
                return { pos, exact: n === path.length };
        }
        return { pos: { value: 0 }, exact: false };
    };
    return {
        file,
        value,
        lines,
        at: (path) => lines.at(find(path).pos.value),
        keyAt: (path) => {
            const { pos, exact } = find(path);
            return lines.at(exact && pos.key !== undefined ? pos.key : pos.value);
        },
    };
}

;// CONCATENATED MODULE: ./src/core/input/address-value.ts

/**
 * An address or CIDR written in a topology or pack: an error at its value when it does
 * not parse, or when it has host bits set (`10.0.1.10/24` is a typo for a host or for a
 * network, and clouds would silently mask it).
 */
function checkAddress(doc, path, text, what, problems) {
    const r = parseCidr(text);
    if (!r.ok) {
        problems.add(doc.at(path), `${r.error}.`);
        return;
    }
    if (r.value.hostBitsSet) {
        const network = r.value.family === 4 ? 'the network address' : 'the network prefix';
        problems.add(doc.at(path), `"${text}" has host bits set beyond /${r.value.prefix}. Write ${network} for a range, or the address without a prefix for ${what === 'host' ? 'this server' : 'one host'}.`);
    }
}
/** `internet` means one thing everywhere: forbidden flows from it would mean nothing otherwise. */
const INTERNET_IS_BUILT_IN = 'client "internet" is built in: the public address space (0.0.0.0/0 and ::/0 without private and special-purpose ranges), the same in every environment. Give the addresses you mean a client name of your own.';

// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __nccwpck_require__(214);
;// CONCATENATED MODULE: ./src/core/input/validators.generated.js
// Generated by `npm run schemas` (scripts/compile-schemas.ts) from the JSON Schemas: do not edit.
/* eslint-disable */


const topology = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","title":"topogate topology file, version 1","description":"Environments, servers, roles, clients and firewall openings checked by topogate.","type":"object","additionalProperties":false,"required":["version"],"properties":{"version":{"const":1,"x-hint":"Write `version: 1` at the top of the file."},"environments":{"type":"array","items":{"$ref":"#/definitions/environment"}},"waivers":{"type":"array","items":{"$ref":"#/definitions/waiver"}},"overrides":{"type":"array","items":{"$ref":"#/definitions/override"}}},"definitions":{"name":{"type":"string","minLength":1,"maxLength":200,"pattern":"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$","x-hint":"Names are letters, digits and . _ - : / @, starting with a letter, digit, dot or underscore."},"address":{"type":"string","minLength":1,"maxLength":64,"x-hint":"Write an IPv4 or IPv6 address or CIDR, e.g. 10.0.1.10, 10.0.0.0/16 or 2001:db8::/32."},"addresses":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/address"}},"port":{"type":"integer","minimum":1,"maximum":65535,"x-hint":"Ports are whole numbers from 1 to 65535."},"portSpec":{"anyOf":[{"type":"integer","minimum":0,"maximum":65535},{"type":"string","pattern":"^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$"}],"x-hint":"Write a port (443) or a quoted range (\"8000-8080\"), ports 0 to 65535."},"server":{"type":"object","additionalProperties":false,"required":["name","roles"],"properties":{"name":{"$ref":"#/definitions/name"},"roles":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/name"},"x-hint":"Built-in roles: controller, front-end, database, cache-invalidation; custom packs may use others."},"addresses":{"$ref":"#/definitions/addresses"},"engine":{"enum":["sqlserver","oracle"],"x-hint":"The engine sets the database port: sqlserver 1433, oracle 1521."},"port":{"$ref":"#/definitions/port"},"provider":{"type":"string","minLength":1,"maxLength":100},"region":{"type":"string","minLength":1,"maxLength":100}}},"listener":{"type":"object","additionalProperties":false,"required":["port","to"],"properties":{"port":{"$ref":"#/definitions/port"},"protocol":{"enum":["tcp","udp"]},"to":{"type":"string","minLength":1,"x-hint":"A server name or role:<role>."},"target-port":{"$ref":"#/definitions/port"}}},"loadBalancer":{"type":"object","additionalProperties":false,"required":["name","listeners"],"properties":{"name":{"$ref":"#/definitions/name"},"addresses":{"$ref":"#/definitions/addresses"},"provider":{"type":"string","minLength":1,"maxLength":100},"region":{"type":"string","minLength":1,"maxLength":100},"preserve-client-address":{"type":"boolean","x-hint":"true when targets see the client's own address (a pass-through balancer such as an AWS NLB without security groups); false (default) for a proxy."},"listeners":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/listener"}}}},"endpointRef":{"anyOf":[{"type":"string","minLength":1},{"type":"array","minItems":1,"items":{"type":"string","minLength":1}}],"x-hint":"Write a client, server or load-balancer name, role:<role>, or a CIDR (or a list of them)."},"opening":{"type":"object","additionalProperties":false,"required":["from","to"],"properties":{"from":{"$ref":"#/definitions/endpointRef"},"to":{"$ref":"#/definitions/endpointRef"},"protocol":{"enum":["tcp","udp","all"]},"ports":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/portSpec"}},"description":{"type":"string","maxLength":500}}},"selector":{"type":"object","additionalProperties":false,"required":["role"],"properties":{"type":{"type":"string","minLength":1,"x-hint":"A Terraform resource type, e.g. aws_instance."},"address":{"type":"string","minLength":1,"x-hint":"A resource address or a prefix ending in *, e.g. module.app.*"},"tags":{"type":"object","additionalProperties":{"type":"string"},"x-hint":"Tags (AWS, Azure) or labels (GCP) the resource must carry, e.g. { Role: fe }."},"role":{"anyOf":[{"$ref":"#/definitions/name"},{"type":"array","minItems":1,"items":{"$ref":"#/definitions/name"}}]}}},"terraform":{"type":"object","additionalProperties":false,"properties":{"plans":{"type":"array","minItems":1,"items":{"type":"string","minLength":1}},"select":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/selector"}}}},"environment":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"$ref":"#/definitions/name"},"provider":{"type":"string","minLength":1,"maxLength":100,"x-hint":"Any name; known ones: aws, azure, gcp, on-premises."},"region":{"type":"string","minLength":1,"maxLength":100},"clients":{"type":"object","propertyNames":{"$ref":"#/definitions/name"},"additionalProperties":{"$ref":"#/definitions/addresses"}},"servers":{"type":"array","items":{"$ref":"#/definitions/server"}},"load-balancers":{"type":"array","items":{"$ref":"#/definitions/loadBalancer"}},"firewall":{"type":"array","items":{"$ref":"#/definitions/opening"}},"terraform":{"$ref":"#/definitions/terraform"}}},"date":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}$","x-hint":"Write the date as YYYY-MM-DD, in quotes."},"waiver":{"type":"object","additionalProperties":false,"required":["policy","environment","reason","expires"],"properties":{"policy":{"type":"string","minLength":1},"environment":{"type":"string","minLength":1},"subject":{"type":"string","minLength":1},"reason":{"type":"string","minLength":3,"pattern":"\\S[\\s\\S]*\\S[\\s\\S]*\\S","x-hint":"Say why the finding is accepted; the report shows it."},"expires":{"$ref":"#/definitions/date"}}},"override":{"type":"object","additionalProperties":false,"required":["policy","reason"],"properties":{"policy":{"type":"string","minLength":1},"severity":{"enum":["error","warning","notice","off"],"x-hint":"error, warning or notice changes the severity; off disables the policy."},"reason":{"type":"string","minLength":3,"x-hint":"Say why the team differs from the pack; the report shows it."}}}},"$id":"topogate:topology"};
const schema36 = {"type":"object","additionalProperties":false,"required":["policy","reason"],"properties":{"policy":{"type":"string","minLength":1},"severity":{"enum":["error","warning","notice","off"],"x-hint":"error, warning or notice changes the severity; off disables the policy."},"reason":{"type":"string","minLength":3,"x-hint":"Say why the team differs from the pack; the report shows it."}}};
const schema12 = {"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"$ref":"#/definitions/name"},"provider":{"type":"string","minLength":1,"maxLength":100,"x-hint":"Any name; known ones: aws, azure, gcp, on-premises."},"region":{"type":"string","minLength":1,"maxLength":100},"clients":{"type":"object","propertyNames":{"$ref":"#/definitions/name"},"additionalProperties":{"$ref":"#/definitions/addresses"}},"servers":{"type":"array","items":{"$ref":"#/definitions/server"}},"load-balancers":{"type":"array","items":{"$ref":"#/definitions/loadBalancer"}},"firewall":{"type":"array","items":{"$ref":"#/definitions/opening"}},"terraform":{"$ref":"#/definitions/terraform"}}};
const schema13 = {"type":"string","minLength":1,"maxLength":200,"pattern":"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$","x-hint":"Names are letters, digits and . _ - : / @, starting with a letter, digit, dot or underscore."};
const func2 = ucs2length["default"] ?? ucs2length;
const pattern0 = new RegExp("^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$", "u");
const schema15 = {"type":"array","minItems":1,"items":{"$ref":"#/definitions/address"}};
const schema16 = {"type":"string","minLength":1,"maxLength":64,"x-hint":"Write an IPv4 or IPv6 address or CIDR, e.g. 10.0.1.10, 10.0.0.0/16 or 2001:db8::/32."};

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(Array.isArray(data)){
if(data.length < 1){
const err0 = {instancePath,schemaPath:"#/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(typeof data0 === "string"){
if(func2(data0) > 64){
const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/address/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema16,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(func2(data0) < 1){
const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/address/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.type,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}

const schema17 = {"type":"object","additionalProperties":false,"required":["name","roles"],"properties":{"name":{"$ref":"#/definitions/name"},"roles":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/name"},"x-hint":"Built-in roles: controller, front-end, database, cache-invalidation; custom packs may use others."},"addresses":{"$ref":"#/definitions/addresses"},"engine":{"enum":["sqlserver","oracle"],"x-hint":"The engine sets the database port: sqlserver 1433, oracle 1521."},"port":{"$ref":"#/definitions/port"},"provider":{"type":"string","minLength":1,"maxLength":100},"region":{"type":"string","minLength":1,"maxLength":100}}};
const schema20 = {"type":"integer","minimum":1,"maximum":65535,"x-hint":"Ports are whole numbers from 1 to 65535."};

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema17.required,parentSchema:schema17,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.roles === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "roles"},message:"must have required property '"+"roles"+"'",schema:schema17.required,parentSchema:schema17,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "name") || (key0 === "roles")) || (key0 === "addresses")) || (key0 === "engine")) || (key0 === "port")) || (key0 === "provider")) || (key0 === "region"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema17,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(func2(data0) > 200){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(func2(data0) < 1){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!pattern0.test(data0)){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"},message:"must match pattern \""+"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"+"\"",schema:"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$",parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.roles !== undefined){
let data1 = data.roles;
if(Array.isArray(data1)){
if(data1.length < 1){
const err7 = {instancePath:instancePath+"/roles",schemaPath:"#/properties/roles/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema17.properties.roles,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(typeof data2 === "string"){
if(func2(data2) > 200){
const err8 = {instancePath:instancePath+"/roles/" + i0,schemaPath:"#/definitions/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema13,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func2(data2) < 1){
const err9 = {instancePath:instancePath+"/roles/" + i0,schemaPath:"#/definitions/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!pattern0.test(data2)){
const err10 = {instancePath:instancePath+"/roles/" + i0,schemaPath:"#/definitions/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"},message:"must match pattern \""+"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"+"\"",schema:"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$",parentSchema:schema13,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/roles/" + i0,schemaPath:"#/definitions/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/roles",schemaPath:"#/properties/roles/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema17.properties.roles.type,parentSchema:schema17.properties.roles,data:data1};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.addresses !== undefined){
if(!(validate12(data.addresses, {instancePath:instancePath+"/addresses",parentData:data,parentDataProperty:"addresses",rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
if(data.engine !== undefined){
let data4 = data.engine;
if(!((data4 === "sqlserver") || (data4 === "oracle"))){
const err13 = {instancePath:instancePath+"/engine",schemaPath:"#/properties/engine/enum",keyword:"enum",params:{allowedValues: schema17.properties.engine.enum},message:"must be equal to one of the allowed values",schema:schema17.properties.engine.enum,parentSchema:schema17.properties.engine,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.port !== undefined){
let data5 = data.port;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err14 = {instancePath:instancePath+"/port",schemaPath:"#/definitions/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema20.type,parentSchema:schema20,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 65535 || isNaN(data5)){
const err15 = {instancePath:instancePath+"/port",schemaPath:"#/definitions/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema20,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data5 < 1 || isNaN(data5)){
const err16 = {instancePath:instancePath+"/port",schemaPath:"#/definitions/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema20,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data.provider !== undefined){
let data6 = data.provider;
if(typeof data6 === "string"){
if(func2(data6) > 100){
const err17 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema17.properties.provider,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(func2(data6) < 1){
const err18 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.provider,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.provider.type,parentSchema:schema17.properties.provider,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.region !== undefined){
let data7 = data.region;
if(typeof data7 === "string"){
if(func2(data7) > 100){
const err20 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema17.properties.region,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(func2(data7) < 1){
const err21 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.region,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.region.type,parentSchema:schema17.properties.region,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.type,parentSchema:schema17,data};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
validate14.errors = vErrors;
return errors === 0;
}

const schema21 = {"type":"object","additionalProperties":false,"required":["name","listeners"],"properties":{"name":{"$ref":"#/definitions/name"},"addresses":{"$ref":"#/definitions/addresses"},"provider":{"type":"string","minLength":1,"maxLength":100},"region":{"type":"string","minLength":1,"maxLength":100},"preserve-client-address":{"type":"boolean","x-hint":"true when targets see the client's own address (a pass-through balancer such as an AWS NLB without security groups); false (default) for a proxy."},"listeners":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/listener"}}}};
const schema23 = {"type":"object","additionalProperties":false,"required":["port","to"],"properties":{"port":{"$ref":"#/definitions/port"},"protocol":{"enum":["tcp","udp"]},"to":{"type":"string","minLength":1,"x-hint":"A server name or role:<role>."},"target-port":{"$ref":"#/definitions/port"}}};

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.port === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "port"},message:"must have required property '"+"port"+"'",schema:schema23.required,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.to === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'",schema:schema23.required,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "port") || (key0 === "protocol")) || (key0 === "to")) || (key0 === "target-port"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.port !== undefined){
let data0 = data.port;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err3 = {instancePath:instancePath+"/port",schemaPath:"#/definitions/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema20.type,parentSchema:schema20,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 65535 || isNaN(data0)){
const err4 = {instancePath:instancePath+"/port",schemaPath:"#/definitions/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema20,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data0 < 1 || isNaN(data0)){
const err5 = {instancePath:instancePath+"/port",schemaPath:"#/definitions/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema20,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
if(data.protocol !== undefined){
let data1 = data.protocol;
if(!((data1 === "tcp") || (data1 === "udp"))){
const err6 = {instancePath:instancePath+"/protocol",schemaPath:"#/properties/protocol/enum",keyword:"enum",params:{allowedValues: schema23.properties.protocol.enum},message:"must be equal to one of the allowed values",schema:schema23.properties.protocol.enum,parentSchema:schema23.properties.protocol,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.to !== undefined){
let data2 = data.to;
if(typeof data2 === "string"){
if(func2(data2) < 1){
const err7 = {instancePath:instancePath+"/to",schemaPath:"#/properties/to/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema23.properties.to,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/to",schemaPath:"#/properties/to/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.to.type,parentSchema:schema23.properties.to,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data["target-port"] !== undefined){
let data3 = data["target-port"];
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err9 = {instancePath:instancePath+"/target-port",schemaPath:"#/definitions/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema20.type,parentSchema:schema20,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 65535 || isNaN(data3)){
const err10 = {instancePath:instancePath+"/target-port",schemaPath:"#/definitions/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema20,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data3 < 1 || isNaN(data3)){
const err11 = {instancePath:instancePath+"/target-port",schemaPath:"#/definitions/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema20,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.type,parentSchema:schema23,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
validate19.errors = vErrors;
return errors === 0;
}


function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema21.required,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.listeners === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "listeners"},message:"must have required property '"+"listeners"+"'",schema:schema21.required,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "name") || (key0 === "addresses")) || (key0 === "provider")) || (key0 === "region")) || (key0 === "preserve-client-address")) || (key0 === "listeners"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(func2(data0) > 200){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(func2(data0) < 1){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!pattern0.test(data0)){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"},message:"must match pattern \""+"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"+"\"",schema:"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$",parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.addresses !== undefined){
if(!(validate12(data.addresses, {instancePath:instancePath+"/addresses",parentData:data,parentDataProperty:"addresses",rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
if(data.provider !== undefined){
let data2 = data.provider;
if(typeof data2 === "string"){
if(func2(data2) > 100){
const err7 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema21.properties.provider,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(func2(data2) < 1){
const err8 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.properties.provider,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.provider.type,parentSchema:schema21.properties.provider,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.region !== undefined){
let data3 = data.region;
if(typeof data3 === "string"){
if(func2(data3) > 100){
const err10 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema21.properties.region,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(func2(data3) < 1){
const err11 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.properties.region,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.region.type,parentSchema:schema21.properties.region,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data["preserve-client-address"] !== undefined){
let data4 = data["preserve-client-address"];
if(typeof data4 !== "boolean"){
const err13 = {instancePath:instancePath+"/preserve-client-address",schemaPath:"#/properties/preserve-client-address/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema21.properties["preserve-client-address"].type,parentSchema:schema21.properties["preserve-client-address"],data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.listeners !== undefined){
let data5 = data.listeners;
if(Array.isArray(data5)){
if(data5.length < 1){
const err14 = {instancePath:instancePath+"/listeners",schemaPath:"#/properties/listeners/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema21.properties.listeners,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
if(!(validate19(data5[i0], {instancePath:instancePath+"/listeners/" + i0,parentData:data5,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);
errors = vErrors.length;
}
}
}
else {
const err15 = {instancePath:instancePath+"/listeners",schemaPath:"#/properties/listeners/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema21.properties.listeners.type,parentSchema:schema21.properties.listeners,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.type,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate17.errors = vErrors;
return errors === 0;
}

const schema26 = {"type":"object","additionalProperties":false,"required":["from","to"],"properties":{"from":{"$ref":"#/definitions/endpointRef"},"to":{"$ref":"#/definitions/endpointRef"},"protocol":{"enum":["tcp","udp","all"]},"ports":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/portSpec"}},"description":{"type":"string","maxLength":500}}};
const schema27 = {"anyOf":[{"type":"string","minLength":1},{"type":"array","minItems":1,"items":{"type":"string","minLength":1}}],"x-hint":"Write a client, server or load-balancer name, role:<role>, or a CIDR (or a list of them)."};
const schema29 = {"anyOf":[{"type":"integer","minimum":0,"maximum":65535},{"type":"string","pattern":"^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$"}],"x-hint":"Write a port (443) or a quoted range (\"8000-8080\"), ports 0 to 65535."};
const pattern5 = new RegExp("^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$", "u");

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.from === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'",schema:schema26.required,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.to === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'",schema:schema26.required,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "from") || (key0 === "to")) || (key0 === "protocol")) || (key0 === "ports")) || (key0 === "description"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.from !== undefined){
let data0 = data.from;
const _errs4 = errors;
let valid2 = false;
const _errs5 = errors;
if(typeof data0 === "string"){
if(func2(data0) < 1){
const err3 = {instancePath:instancePath+"/from",schemaPath:"#/definitions/endpointRef/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.anyOf[0],data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/from",schemaPath:"#/definitions/endpointRef/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.anyOf[0].type,parentSchema:schema27.anyOf[0],data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs5 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs7 = errors;
if(Array.isArray(data0)){
if(data0.length < 1){
const err5 = {instancePath:instancePath+"/from",schemaPath:"#/definitions/endpointRef/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema27.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(typeof data1 === "string"){
if(func2(data1) < 1){
const err6 = {instancePath:instancePath+"/from/" + i0,schemaPath:"#/definitions/endpointRef/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.anyOf[1].items,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/from/" + i0,schemaPath:"#/definitions/endpointRef/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.anyOf[1].items.type,parentSchema:schema27.anyOf[1].items,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/from",schemaPath:"#/definitions/endpointRef/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema27.anyOf[1].type,parentSchema:schema27.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid2 = valid2 || _valid0;
}
if(!valid2){
const err9 = {instancePath:instancePath+"/from",schemaPath:"#/definitions/endpointRef/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema27.anyOf,parentSchema:schema27,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
else {
errors = _errs4;
if(vErrors !== null){
if(_errs4){
vErrors.length = _errs4;
}
else {
vErrors = null;
}
}
}
}
if(data.to !== undefined){
let data2 = data.to;
const _errs14 = errors;
let valid6 = false;
const _errs15 = errors;
if(typeof data2 === "string"){
if(func2(data2) < 1){
const err10 = {instancePath:instancePath+"/to",schemaPath:"#/definitions/endpointRef/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.anyOf[0],data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/to",schemaPath:"#/definitions/endpointRef/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.anyOf[0].type,parentSchema:schema27.anyOf[0],data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid1 = _errs15 === errors;
valid6 = valid6 || _valid1;
if(!valid6){
const _errs17 = errors;
if(Array.isArray(data2)){
if(data2.length < 1){
const err12 = {instancePath:instancePath+"/to",schemaPath:"#/definitions/endpointRef/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema27.anyOf[1],data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
let data3 = data2[i1];
if(typeof data3 === "string"){
if(func2(data3) < 1){
const err13 = {instancePath:instancePath+"/to/" + i1,schemaPath:"#/definitions/endpointRef/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.anyOf[1].items,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/to/" + i1,schemaPath:"#/definitions/endpointRef/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.anyOf[1].items.type,parentSchema:schema27.anyOf[1].items,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/to",schemaPath:"#/definitions/endpointRef/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema27.anyOf[1].type,parentSchema:schema27.anyOf[1],data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var _valid1 = _errs17 === errors;
valid6 = valid6 || _valid1;
}
if(!valid6){
const err16 = {instancePath:instancePath+"/to",schemaPath:"#/definitions/endpointRef/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema27.anyOf,parentSchema:schema27,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
else {
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
}
}
if(data.protocol !== undefined){
let data4 = data.protocol;
if(!(((data4 === "tcp") || (data4 === "udp")) || (data4 === "all"))){
const err17 = {instancePath:instancePath+"/protocol",schemaPath:"#/properties/protocol/enum",keyword:"enum",params:{allowedValues: schema26.properties.protocol.enum},message:"must be equal to one of the allowed values",schema:schema26.properties.protocol.enum,parentSchema:schema26.properties.protocol,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.ports !== undefined){
let data5 = data.ports;
if(Array.isArray(data5)){
if(data5.length < 1){
const err18 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema26.properties.ports,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const len2 = data5.length;
for(let i2=0; i2<len2; i2++){
let data6 = data5[i2];
const _errs27 = errors;
let valid12 = false;
const _errs28 = errors;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err19 = {instancePath:instancePath+"/ports/" + i2,schemaPath:"#/definitions/portSpec/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema29.anyOf[0].type,parentSchema:schema29.anyOf[0],data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 65535 || isNaN(data6)){
const err20 = {instancePath:instancePath+"/ports/" + i2,schemaPath:"#/definitions/portSpec/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema29.anyOf[0],data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data6 < 0 || isNaN(data6)){
const err21 = {instancePath:instancePath+"/ports/" + i2,schemaPath:"#/definitions/portSpec/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema29.anyOf[0],data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var _valid2 = _errs28 === errors;
valid12 = valid12 || _valid2;
if(!valid12){
const _errs30 = errors;
if(typeof data6 === "string"){
if(!pattern5.test(data6)){
const err22 = {instancePath:instancePath+"/ports/" + i2,schemaPath:"#/definitions/portSpec/anyOf/1/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$"},message:"must match pattern \""+"^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$"+"\"",schema:"^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$",parentSchema:schema29.anyOf[1],data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/ports/" + i2,schemaPath:"#/definitions/portSpec/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.anyOf[1].type,parentSchema:schema29.anyOf[1],data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
var _valid2 = _errs30 === errors;
valid12 = valid12 || _valid2;
}
if(!valid12){
const err24 = {instancePath:instancePath+"/ports/" + i2,schemaPath:"#/definitions/portSpec/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema29.anyOf,parentSchema:schema29,data:data6};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
else {
errors = _errs27;
if(vErrors !== null){
if(_errs27){
vErrors.length = _errs27;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err25 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema26.properties.ports.type,parentSchema:schema26.properties.ports,data:data5};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.description !== undefined){
let data7 = data.description;
if(typeof data7 === "string"){
if(func2(data7) > 500){
const err26 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema26.properties.description,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.description.type,parentSchema:schema26.properties.description,data:data7};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema26.type,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}

const schema30 = {"type":"object","additionalProperties":false,"properties":{"plans":{"type":"array","minItems":1,"items":{"type":"string","minLength":1}},"select":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/selector"}}}};
const schema31 = {"type":"object","additionalProperties":false,"required":["role"],"properties":{"type":{"type":"string","minLength":1,"x-hint":"A Terraform resource type, e.g. aws_instance."},"address":{"type":"string","minLength":1,"x-hint":"A resource address or a prefix ending in *, e.g. module.app.*"},"tags":{"type":"object","additionalProperties":{"type":"string"},"x-hint":"Tags (AWS, Azure) or labels (GCP) the resource must carry, e.g. { Role: fe }."},"role":{"anyOf":[{"$ref":"#/definitions/name"},{"type":"array","minItems":1,"items":{"$ref":"#/definitions/name"}}]}}};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "type") || (key0 === "address")) || (key0 === "tags")) || (key0 === "role"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 === "string"){
if(func2(data0) < 1){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema31.properties.type,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.type.type,parentSchema:schema31.properties.type,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.address !== undefined){
let data1 = data.address;
if(typeof data1 === "string"){
if(func2(data1) < 1){
const err4 = {instancePath:instancePath+"/address",schemaPath:"#/properties/address/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema31.properties.address,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/address",schemaPath:"#/properties/address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.address.type,parentSchema:schema31.properties.address,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.tags !== undefined){
let data2 = data.tags;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
let data3 = data2[key1];
if(typeof data3 !== "string"){
const err6 = {instancePath:instancePath+"/tags/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tags/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.tags.additionalProperties.type,parentSchema:schema31.properties.tags.additionalProperties,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.tags.type,parentSchema:schema31.properties.tags,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.role !== undefined){
let data4 = data.role;
const _errs15 = errors;
let valid2 = false;
const _errs16 = errors;
if(typeof data4 === "string"){
if(func2(data4) > 200){
const err8 = {instancePath:instancePath+"/role",schemaPath:"#/definitions/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema13,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func2(data4) < 1){
const err9 = {instancePath:instancePath+"/role",schemaPath:"#/definitions/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!pattern0.test(data4)){
const err10 = {instancePath:instancePath+"/role",schemaPath:"#/definitions/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"},message:"must match pattern \""+"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"+"\"",schema:"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$",parentSchema:schema13,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/role",schemaPath:"#/definitions/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid0 = _errs16 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs20 = errors;
if(Array.isArray(data4)){
if(data4.length < 1){
const err12 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema31.properties.role.anyOf[1],data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(typeof data5 === "string"){
if(func2(data5) > 200){
const err13 = {instancePath:instancePath+"/role/" + i0,schemaPath:"#/definitions/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema13,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 1){
const err14 = {instancePath:instancePath+"/role/" + i0,schemaPath:"#/definitions/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(!pattern0.test(data5)){
const err15 = {instancePath:instancePath+"/role/" + i0,schemaPath:"#/definitions/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"},message:"must match pattern \""+"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"+"\"",schema:"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$",parentSchema:schema13,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/role/" + i0,schemaPath:"#/definitions/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.role.anyOf[1].type,parentSchema:schema31.properties.role.anyOf[1],data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs20 === errors;
valid2 = valid2 || _valid0;
}
if(!valid2){
const err18 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema31.properties.role.anyOf,parentSchema:schema31.properties.role,data:data4};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}


function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((key0 === "plans") || (key0 === "select"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.plans !== undefined){
let data0 = data.plans;
if(Array.isArray(data0)){
if(data0.length < 1){
const err1 = {instancePath:instancePath+"/plans",schemaPath:"#/properties/plans/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema30.properties.plans,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(typeof data1 === "string"){
if(func2(data1) < 1){
const err2 = {instancePath:instancePath+"/plans/" + i0,schemaPath:"#/properties/plans/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.properties.plans.items,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/plans/" + i0,schemaPath:"#/properties/plans/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.plans.items.type,parentSchema:schema30.properties.plans.items,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/plans",schemaPath:"#/properties/plans/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema30.properties.plans.type,parentSchema:schema30.properties.plans,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.select !== undefined){
let data2 = data.select;
if(Array.isArray(data2)){
if(data2.length < 1){
const err5 = {instancePath:instancePath+"/select",schemaPath:"#/properties/select/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema30.properties.select,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
if(!(validate25(data2[i1], {instancePath:instancePath+"/select/" + i1,parentData:data2,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
}
}
else {
const err6 = {instancePath:instancePath+"/select",schemaPath:"#/properties/select/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema30.properties.select.type,parentSchema:schema30.properties.select,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.type,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}


function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "name") || (key0 === "provider")) || (key0 === "region")) || (key0 === "clients")) || (key0 === "servers")) || (key0 === "load-balancers")) || (key0 === "firewall")) || (key0 === "terraform"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(func2(data0) > 200){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(func2(data0) < 1){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(!pattern0.test(data0)){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"},message:"must match pattern \""+"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"+"\"",schema:"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$",parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.provider !== undefined){
let data1 = data.provider;
if(typeof data1 === "string"){
if(func2(data1) > 100){
const err6 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema12.properties.provider,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(func2(data1) < 1){
const err7 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.provider,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.provider.type,parentSchema:schema12.properties.provider,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.region !== undefined){
let data2 = data.region;
if(typeof data2 === "string"){
if(func2(data2) > 100){
const err9 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema12.properties.region,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(func2(data2) < 1){
const err10 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.region,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.region.type,parentSchema:schema12.properties.region,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.clients !== undefined){
let data3 = data.clients;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
const _errs13 = errors;
if(typeof key1 === "string"){
if(func2(key1) > 200){
const err12 = {instancePath:instancePath+"/clients",schemaPath:"#/definitions/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema13,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func2(key1) < 1){
const err13 = {instancePath:instancePath+"/clients",schemaPath:"#/definitions/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!pattern0.test(key1)){
const err14 = {instancePath:instancePath+"/clients",schemaPath:"#/definitions/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"},message:"must match pattern \""+"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$"+"\"",schema:"^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$",parentSchema:schema13,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/clients",schemaPath:"#/definitions/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var valid2 = _errs13 === errors;
if(!valid2){
const err16 = {instancePath:instancePath+"/clients",schemaPath:"#/properties/clients/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema12.properties.clients.propertyNames,parentSchema:schema12.properties.clients,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
for(const key2 in data3){
if(!(validate12(data3[key2], {instancePath:instancePath+"/clients/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data3,parentDataProperty:key2,rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
}
else {
const err17 = {instancePath:instancePath+"/clients",schemaPath:"#/properties/clients/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.clients.type,parentSchema:schema12.properties.clients,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.servers !== undefined){
let data5 = data.servers;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
if(!(validate14(data5[i0], {instancePath:instancePath+"/servers/" + i0,parentData:data5,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
errors = vErrors.length;
}
}
}
else {
const err18 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.servers.type,parentSchema:schema12.properties.servers,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data["load-balancers"] !== undefined){
let data7 = data["load-balancers"];
if(Array.isArray(data7)){
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
if(!(validate17(data7[i1], {instancePath:instancePath+"/load-balancers/" + i1,parentData:data7,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
}
else {
const err19 = {instancePath:instancePath+"/load-balancers",schemaPath:"#/properties/load-balancers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties["load-balancers"].type,parentSchema:schema12.properties["load-balancers"],data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.firewall !== undefined){
let data9 = data.firewall;
if(Array.isArray(data9)){
const len2 = data9.length;
for(let i2=0; i2<len2; i2++){
if(!(validate22(data9[i2], {instancePath:instancePath+"/firewall/" + i2,parentData:data9,parentDataProperty:i2,rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
}
else {
const err20 = {instancePath:instancePath+"/firewall",schemaPath:"#/properties/firewall/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.firewall.type,parentSchema:schema12.properties.firewall,data:data9};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.terraform !== undefined){
if(!(validate24(data.terraform, {instancePath:instancePath+"/terraform",parentData:data,parentDataProperty:"terraform",rootData}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
}
}
else {
const err21 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

const schema34 = {"type":"object","additionalProperties":false,"required":["policy","environment","reason","expires"],"properties":{"policy":{"type":"string","minLength":1},"environment":{"type":"string","minLength":1},"subject":{"type":"string","minLength":1},"reason":{"type":"string","minLength":3,"pattern":"\\S[\\s\\S]*\\S[\\s\\S]*\\S","x-hint":"Say why the finding is accepted; the report shows it."},"expires":{"$ref":"#/definitions/date"}}};
const schema35 = {"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}$","x-hint":"Write the date as YYYY-MM-DD, in quotes."};
const pattern8 = new RegExp("\\S[\\s\\S]*\\S[\\s\\S]*\\S", "u");
const pattern9 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.policy === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "policy"},message:"must have required property '"+"policy"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.environment === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "environment"},message:"must have required property '"+"environment"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.reason === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.expires === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "expires"},message:"must have required property '"+"expires"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "policy") || (key0 === "environment")) || (key0 === "subject")) || (key0 === "reason")) || (key0 === "expires"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.policy !== undefined){
let data0 = data.policy;
if(typeof data0 === "string"){
if(func2(data0) < 1){
const err5 = {instancePath:instancePath+"/policy",schemaPath:"#/properties/policy/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema34.properties.policy,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/policy",schemaPath:"#/properties/policy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.policy.type,parentSchema:schema34.properties.policy,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.environment !== undefined){
let data1 = data.environment;
if(typeof data1 === "string"){
if(func2(data1) < 1){
const err7 = {instancePath:instancePath+"/environment",schemaPath:"#/properties/environment/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema34.properties.environment,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/environment",schemaPath:"#/properties/environment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.environment.type,parentSchema:schema34.properties.environment,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.subject !== undefined){
let data2 = data.subject;
if(typeof data2 === "string"){
if(func2(data2) < 1){
const err9 = {instancePath:instancePath+"/subject",schemaPath:"#/properties/subject/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema34.properties.subject,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/subject",schemaPath:"#/properties/subject/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.subject.type,parentSchema:schema34.properties.subject,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.reason !== undefined){
let data3 = data.reason;
if(typeof data3 === "string"){
if(func2(data3) < 3){
const err11 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters",schema:3,parentSchema:schema34.properties.reason,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(!pattern8.test(data3)){
const err12 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/pattern",keyword:"pattern",params:{pattern: "\\S[\\s\\S]*\\S[\\s\\S]*\\S"},message:"must match pattern \""+"\\S[\\s\\S]*\\S[\\s\\S]*\\S"+"\"",schema:"\\S[\\s\\S]*\\S[\\s\\S]*\\S",parentSchema:schema34.properties.reason,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.reason.type,parentSchema:schema34.properties.reason,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.expires !== undefined){
let data4 = data.expires;
if(typeof data4 === "string"){
if(!pattern9.test(data4)){
const err14 = {instancePath:instancePath+"/expires",schemaPath:"#/definitions/date/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}$"+"\"",schema:"^\\d{4}-\\d{2}-\\d{2}$",parentSchema:schema35,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/expires",schemaPath:"#/definitions/date/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate29.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="topogate:topology" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "version") || (key0 === "environments")) || (key0 === "waivers")) || (key0 === "overrides"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.version !== undefined){
let data0 = data.version;
if(1 !== data0){
const err2 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema11.properties.version,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.environments !== undefined){
let data1 = data.environments;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
if(!(validate11(data1[i0], {instancePath:instancePath+"/environments/" + i0,parentData:data1,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath:instancePath+"/environments",schemaPath:"#/properties/environments/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.environments.type,parentSchema:schema11.properties.environments,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.waivers !== undefined){
let data3 = data.waivers;
if(Array.isArray(data3)){
const len1 = data3.length;
for(let i1=0; i1<len1; i1++){
if(!(validate29(data3[i1], {instancePath:instancePath+"/waivers/" + i1,parentData:data3,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
}
}
else {
const err4 = {instancePath:instancePath+"/waivers",schemaPath:"#/properties/waivers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.waivers.type,parentSchema:schema11.properties.waivers,data:data3};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.overrides !== undefined){
let data5 = data.overrides;
if(Array.isArray(data5)){
const len2 = data5.length;
for(let i2=0; i2<len2; i2++){
let data6 = data5[i2];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.policy === undefined){
const err5 = {instancePath:instancePath+"/overrides/" + i2,schemaPath:"#/definitions/override/required",keyword:"required",params:{missingProperty: "policy"},message:"must have required property '"+"policy"+"'",schema:schema36.required,parentSchema:schema36,data:data6};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data6.reason === undefined){
const err6 = {instancePath:instancePath+"/overrides/" + i2,schemaPath:"#/definitions/override/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema36.required,parentSchema:schema36,data:data6};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key1 in data6){
if(!(((key1 === "policy") || (key1 === "severity")) || (key1 === "reason"))){
const err7 = {instancePath:instancePath+"/overrides/" + i2,schemaPath:"#/definitions/override/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data:data6};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data6.policy !== undefined){
let data7 = data6.policy;
if(typeof data7 === "string"){
if(func2(data7) < 1){
const err8 = {instancePath:instancePath+"/overrides/" + i2+"/policy",schemaPath:"#/definitions/override/properties/policy/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema36.properties.policy,data:data7};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/overrides/" + i2+"/policy",schemaPath:"#/definitions/override/properties/policy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.policy.type,parentSchema:schema36.properties.policy,data:data7};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data6.severity !== undefined){
let data8 = data6.severity;
if(!((((data8 === "error") || (data8 === "warning")) || (data8 === "notice")) || (data8 === "off"))){
const err10 = {instancePath:instancePath+"/overrides/" + i2+"/severity",schemaPath:"#/definitions/override/properties/severity/enum",keyword:"enum",params:{allowedValues: schema36.properties.severity.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.severity.enum,parentSchema:schema36.properties.severity,data:data8};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data6.reason !== undefined){
let data9 = data6.reason;
if(typeof data9 === "string"){
if(func2(data9) < 3){
const err11 = {instancePath:instancePath+"/overrides/" + i2+"/reason",schemaPath:"#/definitions/override/properties/reason/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters",schema:3,parentSchema:schema36.properties.reason,data:data9};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/overrides/" + i2+"/reason",schemaPath:"#/definitions/override/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.reason.type,parentSchema:schema36.properties.reason,data:data9};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/overrides/" + i2,schemaPath:"#/definitions/override/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/overrides",schemaPath:"#/properties/overrides/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.overrides.type,parentSchema:schema11.properties.overrides,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

const pack = validate31;
const schema37 = {"type":"object","additionalProperties":false,"required":["name","version","description"],"properties":{"name":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]*$","x-hint":"Pack names are lower case: letters, digits, . _ -."},"version":{"type":["string","number"]},"description":{"type":"string","minLength":1},"clients":{"type":"object","additionalProperties":{"type":"array","minItems":1,"items":{"type":"string","minLength":1}},"x-hint":"Map each client name to the CIDRs it stands for where a topology does not declare it."}},"$id":"topogate:pack"};
const pattern10 = new RegExp("^[a-z0-9][a-z0-9._-]*$", "u");

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="topogate:pack" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema37.required,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.version === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema37.required,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.description === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "description"},message:"must have required property '"+"description"+"'",schema:schema37.required,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "name") || (key0 === "version")) || (key0 === "description")) || (key0 === "clients"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern10.test(data0)){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]*$"+"\"",schema:"^[a-z0-9][a-z0-9._-]*$",parentSchema:schema37.properties.name,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.name.type,parentSchema:schema37.properties.name,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.version !== undefined){
let data1 = data.version;
if((typeof data1 !== "string") && (!((typeof data1 == "number") && (isFinite(data1))))){
const err6 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: schema37.properties.version.type},message:"must be string,number",schema:schema37.properties.version.type,parentSchema:schema37.properties.version,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.description !== undefined){
let data2 = data.description;
if(typeof data2 === "string"){
if(func2(data2) < 1){
const err7 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37.properties.description,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.description.type,parentSchema:schema37.properties.description,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.clients !== undefined){
let data3 = data.clients;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
let data4 = data3[key1];
if(Array.isArray(data4)){
if(data4.length < 1){
const err9 = {instancePath:instancePath+"/clients/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/clients/additionalProperties/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema37.properties.clients.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err10 = {instancePath:instancePath+"/clients/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/properties/clients/additionalProperties/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37.properties.clients.additionalProperties.items,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/clients/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/properties/clients/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.clients.additionalProperties.items.type,parentSchema:schema37.properties.clients.additionalProperties.items,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/clients/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/clients/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.properties.clients.additionalProperties.type,parentSchema:schema37.properties.clients.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/clients",schemaPath:"#/properties/clients/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.properties.clients.type,parentSchema:schema37.properties.clients,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.type,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate31.errors = vErrors;
return errors === 0;
}

const policy = validate32;
const schema38 = {"type":"object","additionalProperties":false,"required":["id","title","severity","source","check"],"properties":{"id":{"type":"string","pattern":"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$","x-hint":"Policy ids look like OS11-NET-001: upper-case words joined by dashes."},"title":{"type":"string","minLength":1,"maxLength":200},"severity":{"enum":["error","warning","notice"]},"description":{"type":"string"},"source":{"type":"string","minLength":1,"x-hint":"Cite the requirement the policy encodes (document and row)."},"rationale":{"type":"string"},"remediation":{"type":"string"},"check":{"type":"object","required":["type"],"properties":{"type":{"enum":["required-flow","forbidden-flow","same-provider","same-region"]}}}},"$id":"topogate:policy"};
const pattern11 = new RegExp("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$", "u");

function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="topogate:policy" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.title === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "title"},message:"must have required property '"+"title"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.severity === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "severity"},message:"must have required property '"+"severity"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.source === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.check === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "check"},message:"must have required property '"+"check"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "id") || (key0 === "title")) || (key0 === "severity")) || (key0 === "description")) || (key0 === "source")) || (key0 === "rationale")) || (key0 === "remediation")) || (key0 === "check"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(!pattern11.test(data0)){
const err6 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"},message:"must match pattern \""+"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"+"\"",schema:"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$",parentSchema:schema38.properties.id,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.id.type,parentSchema:schema38.properties.id,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.title !== undefined){
let data1 = data.title;
if(typeof data1 === "string"){
if(func2(data1) > 200){
const err8 = {instancePath:instancePath+"/title",schemaPath:"#/properties/title/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema38.properties.title,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func2(data1) < 1){
const err9 = {instancePath:instancePath+"/title",schemaPath:"#/properties/title/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema38.properties.title,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/title",schemaPath:"#/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.title.type,parentSchema:schema38.properties.title,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.severity !== undefined){
let data2 = data.severity;
if(!(((data2 === "error") || (data2 === "warning")) || (data2 === "notice"))){
const err11 = {instancePath:instancePath+"/severity",schemaPath:"#/properties/severity/enum",keyword:"enum",params:{allowedValues: schema38.properties.severity.enum},message:"must be equal to one of the allowed values",schema:schema38.properties.severity.enum,parentSchema:schema38.properties.severity,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(typeof data3 !== "string"){
const err12 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.description.type,parentSchema:schema38.properties.description,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.source !== undefined){
let data4 = data.source;
if(typeof data4 === "string"){
if(func2(data4) < 1){
const err13 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema38.properties.source,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.source.type,parentSchema:schema38.properties.source,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.rationale !== undefined){
let data5 = data.rationale;
if(typeof data5 !== "string"){
const err15 = {instancePath:instancePath+"/rationale",schemaPath:"#/properties/rationale/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.rationale.type,parentSchema:schema38.properties.rationale,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.remediation !== undefined){
let data6 = data.remediation;
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/remediation",schemaPath:"#/properties/remediation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.remediation.type,parentSchema:schema38.properties.remediation,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.check !== undefined){
let data7 = data.check;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.type === undefined){
const err17 = {instancePath:instancePath+"/check",schemaPath:"#/properties/check/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema38.properties.check.required,parentSchema:schema38.properties.check,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data7.type !== undefined){
let data8 = data7.type;
if(!((((data8 === "required-flow") || (data8 === "forbidden-flow")) || (data8 === "same-provider")) || (data8 === "same-region"))){
const err18 = {instancePath:instancePath+"/check/type",schemaPath:"#/properties/check/properties/type/enum",keyword:"enum",params:{allowedValues: schema38.properties.check.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema38.properties.check.properties.type.enum,parentSchema:schema38.properties.check.properties.type,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/check",schemaPath:"#/properties/check/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.properties.check.type,parentSchema:schema38.properties.check,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
validate32.errors = vErrors;
return errors === 0;
}

const check_required_flow = validate33;
const schema39 = {"type":"object","additionalProperties":false,"required":["type","from","to","ports"],"properties":{"type":{"type":"string"},"from":{"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"properties":{"client":{"type":"string","minLength":1,"maxLength":200},"role":{"type":"string","minLength":1,"maxLength":200},"server":{"type":"string","minLength":1,"maxLength":200},"cidrs":{"type":"array","minItems":1,"items":{"type":"string","minLength":1}}},"x-hint":"Write one of { client: NAME }, { role: NAME }, { server: NAME } or { cidrs: [CIDR, ...] }."},"to":{"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"properties":{"role":{"type":"string","minLength":1,"maxLength":200},"server":{"type":"string","minLength":1,"maxLength":200},"any":{"const":true}},"x-hint":"Write one of { role: NAME }, { server: NAME } or { any: true }."},"protocol":{"enum":["tcp","udp"]},"ports":{"anyOf":[{"const":"database"},{"type":"array","minItems":1,"items":{"anyOf":[{"type":"integer","minimum":0,"maximum":65535},{"type":"string","pattern":"^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$"}],"x-hint":"A port is a whole number from 0 to 65535, or a quoted range of two such numbers (\"8000-8080\")."}}],"x-hint":"Write a list of ports and quoted ranges ([443], [\"8000-8080\"]) or `database` for the target database's port."}},"$id":"topogate:check_required_flow"};

function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="topogate:check_required_flow" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.from === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.to === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.ports === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ports"},message:"must have required property '"+"ports"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "from")) || (key0 === "to")) || (key0 === "protocol")) || (key0 === "ports"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err5 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.type.type,parentSchema:schema39.properties.type,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.from !== undefined){
let data1 = data.from;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(Object.keys(data1).length > 1){
const err6 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema39.properties.from,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(Object.keys(data1).length < 1){
const err7 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema39.properties.from,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key1 in data1){
if(!((((key1 === "client") || (key1 === "role")) || (key1 === "server")) || (key1 === "cidrs"))){
const err8 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema39.properties.from,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data1.client !== undefined){
let data2 = data1.client;
if(typeof data2 === "string"){
if(func2(data2) > 200){
const err9 = {instancePath:instancePath+"/from/client",schemaPath:"#/properties/from/properties/client/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema39.properties.from.properties.client,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(func2(data2) < 1){
const err10 = {instancePath:instancePath+"/from/client",schemaPath:"#/properties/from/properties/client/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.from.properties.client,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/from/client",schemaPath:"#/properties/from/properties/client/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.from.properties.client.type,parentSchema:schema39.properties.from.properties.client,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data1.role !== undefined){
let data3 = data1.role;
if(typeof data3 === "string"){
if(func2(data3) > 200){
const err12 = {instancePath:instancePath+"/from/role",schemaPath:"#/properties/from/properties/role/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema39.properties.from.properties.role,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func2(data3) < 1){
const err13 = {instancePath:instancePath+"/from/role",schemaPath:"#/properties/from/properties/role/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.from.properties.role,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/from/role",schemaPath:"#/properties/from/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.from.properties.role.type,parentSchema:schema39.properties.from.properties.role,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data1.server !== undefined){
let data4 = data1.server;
if(typeof data4 === "string"){
if(func2(data4) > 200){
const err15 = {instancePath:instancePath+"/from/server",schemaPath:"#/properties/from/properties/server/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema39.properties.from.properties.server,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(func2(data4) < 1){
const err16 = {instancePath:instancePath+"/from/server",schemaPath:"#/properties/from/properties/server/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.from.properties.server,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/from/server",schemaPath:"#/properties/from/properties/server/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.from.properties.server.type,parentSchema:schema39.properties.from.properties.server,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data1.cidrs !== undefined){
let data5 = data1.cidrs;
if(Array.isArray(data5)){
if(data5.length < 1){
const err18 = {instancePath:instancePath+"/from/cidrs",schemaPath:"#/properties/from/properties/cidrs/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema39.properties.from.properties.cidrs,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 === "string"){
if(func2(data6) < 1){
const err19 = {instancePath:instancePath+"/from/cidrs/" + i0,schemaPath:"#/properties/from/properties/cidrs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.from.properties.cidrs.items,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/from/cidrs/" + i0,schemaPath:"#/properties/from/properties/cidrs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.from.properties.cidrs.items.type,parentSchema:schema39.properties.from.properties.cidrs.items,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/from/cidrs",schemaPath:"#/properties/from/properties/cidrs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.from.properties.cidrs.type,parentSchema:schema39.properties.from.properties.cidrs,data:data5};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.from.type,parentSchema:schema39.properties.from,data:data1};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.to !== undefined){
let data7 = data.to;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(Object.keys(data7).length > 1){
const err23 = {instancePath:instancePath+"/to",schemaPath:"#/properties/to/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema39.properties.to,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(Object.keys(data7).length < 1){
const err24 = {instancePath:instancePath+"/to",schemaPath:"#/properties/to/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema39.properties.to,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
for(const key2 in data7){
if(!(((key2 === "role") || (key2 === "server")) || (key2 === "any"))){
const err25 = {instancePath:instancePath+"/to",schemaPath:"#/properties/to/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema39.properties.to,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data7.role !== undefined){
let data8 = data7.role;
if(typeof data8 === "string"){
if(func2(data8) > 200){
const err26 = {instancePath:instancePath+"/to/role",schemaPath:"#/properties/to/properties/role/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema39.properties.to.properties.role,data:data8};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(func2(data8) < 1){
const err27 = {instancePath:instancePath+"/to/role",schemaPath:"#/properties/to/properties/role/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.to.properties.role,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/to/role",schemaPath:"#/properties/to/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.to.properties.role.type,parentSchema:schema39.properties.to.properties.role,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data7.server !== undefined){
let data9 = data7.server;
if(typeof data9 === "string"){
if(func2(data9) > 200){
const err29 = {instancePath:instancePath+"/to/server",schemaPath:"#/properties/to/properties/server/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema39.properties.to.properties.server,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(func2(data9) < 1){
const err30 = {instancePath:instancePath+"/to/server",schemaPath:"#/properties/to/properties/server/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.to.properties.server,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/to/server",schemaPath:"#/properties/to/properties/server/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.to.properties.server.type,parentSchema:schema39.properties.to.properties.server,data:data9};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data7.any !== undefined){
let data10 = data7.any;
if(true !== data10){
const err32 = {instancePath:instancePath+"/to/any",schemaPath:"#/properties/to/properties/any/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:schema39.properties.to.properties.any,data:data10};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/to",schemaPath:"#/properties/to/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.to.type,parentSchema:schema39.properties.to,data:data7};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.protocol !== undefined){
let data11 = data.protocol;
if(!((data11 === "tcp") || (data11 === "udp"))){
const err34 = {instancePath:instancePath+"/protocol",schemaPath:"#/properties/protocol/enum",keyword:"enum",params:{allowedValues: schema39.properties.protocol.enum},message:"must be equal to one of the allowed values",schema:schema39.properties.protocol.enum,parentSchema:schema39.properties.protocol,data:data11};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.ports !== undefined){
let data12 = data.ports;
const _errs29 = errors;
let valid5 = false;
const _errs30 = errors;
if("database" !== data12){
const err35 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/anyOf/0/const",keyword:"const",params:{allowedValue: "database"},message:"must be equal to constant",schema:"database",parentSchema:schema39.properties.ports.anyOf[0],data:data12};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
var _valid0 = _errs30 === errors;
valid5 = valid5 || _valid0;
if(!valid5){
const _errs31 = errors;
if(Array.isArray(data12)){
if(data12.length < 1){
const err36 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema39.properties.ports.anyOf[1],data:data12};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
const len1 = data12.length;
for(let i1=0; i1<len1; i1++){
let data13 = data12[i1];
const _errs34 = errors;
let valid8 = false;
const _errs35 = errors;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err37 = {instancePath:instancePath+"/ports/" + i1,schemaPath:"#/properties/ports/anyOf/1/items/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema39.properties.ports.anyOf[1].items.anyOf[0].type,parentSchema:schema39.properties.ports.anyOf[1].items.anyOf[0],data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 > 65535 || isNaN(data13)){
const err38 = {instancePath:instancePath+"/ports/" + i1,schemaPath:"#/properties/ports/anyOf/1/items/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema39.properties.ports.anyOf[1].items.anyOf[0],data:data13};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(data13 < 0 || isNaN(data13)){
const err39 = {instancePath:instancePath+"/ports/" + i1,schemaPath:"#/properties/ports/anyOf/1/items/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema39.properties.ports.anyOf[1].items.anyOf[0],data:data13};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
var _valid1 = _errs35 === errors;
valid8 = valid8 || _valid1;
if(!valid8){
const _errs37 = errors;
if(typeof data13 === "string"){
if(!pattern5.test(data13)){
const err40 = {instancePath:instancePath+"/ports/" + i1,schemaPath:"#/properties/ports/anyOf/1/items/anyOf/1/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$"},message:"must match pattern \""+"^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$"+"\"",schema:"^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$",parentSchema:schema39.properties.ports.anyOf[1].items.anyOf[1],data:data13};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
else {
const err41 = {instancePath:instancePath+"/ports/" + i1,schemaPath:"#/properties/ports/anyOf/1/items/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.ports.anyOf[1].items.anyOf[1].type,parentSchema:schema39.properties.ports.anyOf[1].items.anyOf[1],data:data13};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
var _valid1 = _errs37 === errors;
valid8 = valid8 || _valid1;
}
if(!valid8){
const err42 = {instancePath:instancePath+"/ports/" + i1,schemaPath:"#/properties/ports/anyOf/1/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema39.properties.ports.anyOf[1].items.anyOf,parentSchema:schema39.properties.ports.anyOf[1].items,data:data13};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
else {
errors = _errs34;
if(vErrors !== null){
if(_errs34){
vErrors.length = _errs34;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err43 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.ports.anyOf[1].type,parentSchema:schema39.properties.ports.anyOf[1],data:data12};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
var _valid0 = _errs31 === errors;
valid5 = valid5 || _valid0;
}
if(!valid5){
const err44 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema39.properties.ports.anyOf,parentSchema:schema39.properties.ports,data:data12};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
else {
errors = _errs29;
if(vErrors !== null){
if(_errs29){
vErrors.length = _errs29;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err45 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
validate33.errors = vErrors;
return errors === 0;
}

const check_forbidden_flow = validate34;
const schema40 = {"type":"object","additionalProperties":false,"required":["type","from","to","ports"],"properties":{"type":{"type":"string"},"from":{"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"properties":{"client":{"type":"string","minLength":1,"maxLength":200},"role":{"type":"string","minLength":1,"maxLength":200},"server":{"type":"string","minLength":1,"maxLength":200},"cidrs":{"type":"array","minItems":1,"items":{"type":"string","minLength":1}}},"x-hint":"Write one of { client: NAME }, { role: NAME }, { server: NAME } or { cidrs: [CIDR, ...] }."},"to":{"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"properties":{"role":{"type":"string","minLength":1,"maxLength":200},"server":{"type":"string","minLength":1,"maxLength":200},"any":{"const":true}},"x-hint":"Write one of { role: NAME }, { server: NAME } or { any: true }."},"protocol":{"enum":["tcp","udp"]},"ports":{"anyOf":[{"const":"database"},{"type":"array","minItems":1,"items":{"anyOf":[{"type":"integer","minimum":0,"maximum":65535},{"type":"string","pattern":"^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$"}],"x-hint":"A port is a whole number from 0 to 65535, or a quoted range of two such numbers (\"8000-8080\")."}}],"x-hint":"Write a list of ports and quoted ranges ([443], [\"8000-8080\"]) or `database` for the target database's port."}},"$id":"topogate:check_forbidden_flow"};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="topogate:check_forbidden_flow" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.from === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.to === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.ports === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ports"},message:"must have required property '"+"ports"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "from")) || (key0 === "to")) || (key0 === "protocol")) || (key0 === "ports"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err5 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.type.type,parentSchema:schema40.properties.type,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.from !== undefined){
let data1 = data.from;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(Object.keys(data1).length > 1){
const err6 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema40.properties.from,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(Object.keys(data1).length < 1){
const err7 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema40.properties.from,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key1 in data1){
if(!((((key1 === "client") || (key1 === "role")) || (key1 === "server")) || (key1 === "cidrs"))){
const err8 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.from,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data1.client !== undefined){
let data2 = data1.client;
if(typeof data2 === "string"){
if(func2(data2) > 200){
const err9 = {instancePath:instancePath+"/from/client",schemaPath:"#/properties/from/properties/client/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema40.properties.from.properties.client,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(func2(data2) < 1){
const err10 = {instancePath:instancePath+"/from/client",schemaPath:"#/properties/from/properties/client/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.from.properties.client,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/from/client",schemaPath:"#/properties/from/properties/client/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.from.properties.client.type,parentSchema:schema40.properties.from.properties.client,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data1.role !== undefined){
let data3 = data1.role;
if(typeof data3 === "string"){
if(func2(data3) > 200){
const err12 = {instancePath:instancePath+"/from/role",schemaPath:"#/properties/from/properties/role/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema40.properties.from.properties.role,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func2(data3) < 1){
const err13 = {instancePath:instancePath+"/from/role",schemaPath:"#/properties/from/properties/role/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.from.properties.role,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/from/role",schemaPath:"#/properties/from/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.from.properties.role.type,parentSchema:schema40.properties.from.properties.role,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data1.server !== undefined){
let data4 = data1.server;
if(typeof data4 === "string"){
if(func2(data4) > 200){
const err15 = {instancePath:instancePath+"/from/server",schemaPath:"#/properties/from/properties/server/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema40.properties.from.properties.server,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(func2(data4) < 1){
const err16 = {instancePath:instancePath+"/from/server",schemaPath:"#/properties/from/properties/server/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.from.properties.server,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/from/server",schemaPath:"#/properties/from/properties/server/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.from.properties.server.type,parentSchema:schema40.properties.from.properties.server,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data1.cidrs !== undefined){
let data5 = data1.cidrs;
if(Array.isArray(data5)){
if(data5.length < 1){
const err18 = {instancePath:instancePath+"/from/cidrs",schemaPath:"#/properties/from/properties/cidrs/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema40.properties.from.properties.cidrs,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 === "string"){
if(func2(data6) < 1){
const err19 = {instancePath:instancePath+"/from/cidrs/" + i0,schemaPath:"#/properties/from/properties/cidrs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.from.properties.cidrs.items,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/from/cidrs/" + i0,schemaPath:"#/properties/from/properties/cidrs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.from.properties.cidrs.items.type,parentSchema:schema40.properties.from.properties.cidrs.items,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/from/cidrs",schemaPath:"#/properties/from/properties/cidrs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema40.properties.from.properties.cidrs.type,parentSchema:schema40.properties.from.properties.cidrs,data:data5};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/from",schemaPath:"#/properties/from/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.from.type,parentSchema:schema40.properties.from,data:data1};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.to !== undefined){
let data7 = data.to;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(Object.keys(data7).length > 1){
const err23 = {instancePath:instancePath+"/to",schemaPath:"#/properties/to/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema40.properties.to,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(Object.keys(data7).length < 1){
const err24 = {instancePath:instancePath+"/to",schemaPath:"#/properties/to/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema40.properties.to,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
for(const key2 in data7){
if(!(((key2 === "role") || (key2 === "server")) || (key2 === "any"))){
const err25 = {instancePath:instancePath+"/to",schemaPath:"#/properties/to/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.to,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data7.role !== undefined){
let data8 = data7.role;
if(typeof data8 === "string"){
if(func2(data8) > 200){
const err26 = {instancePath:instancePath+"/to/role",schemaPath:"#/properties/to/properties/role/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema40.properties.to.properties.role,data:data8};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(func2(data8) < 1){
const err27 = {instancePath:instancePath+"/to/role",schemaPath:"#/properties/to/properties/role/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.to.properties.role,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/to/role",schemaPath:"#/properties/to/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.to.properties.role.type,parentSchema:schema40.properties.to.properties.role,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data7.server !== undefined){
let data9 = data7.server;
if(typeof data9 === "string"){
if(func2(data9) > 200){
const err29 = {instancePath:instancePath+"/to/server",schemaPath:"#/properties/to/properties/server/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema40.properties.to.properties.server,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(func2(data9) < 1){
const err30 = {instancePath:instancePath+"/to/server",schemaPath:"#/properties/to/properties/server/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.to.properties.server,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/to/server",schemaPath:"#/properties/to/properties/server/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.to.properties.server.type,parentSchema:schema40.properties.to.properties.server,data:data9};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data7.any !== undefined){
let data10 = data7.any;
if(true !== data10){
const err32 = {instancePath:instancePath+"/to/any",schemaPath:"#/properties/to/properties/any/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:schema40.properties.to.properties.any,data:data10};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/to",schemaPath:"#/properties/to/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.to.type,parentSchema:schema40.properties.to,data:data7};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.protocol !== undefined){
let data11 = data.protocol;
if(!((data11 === "tcp") || (data11 === "udp"))){
const err34 = {instancePath:instancePath+"/protocol",schemaPath:"#/properties/protocol/enum",keyword:"enum",params:{allowedValues: schema40.properties.protocol.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.protocol.enum,parentSchema:schema40.properties.protocol,data:data11};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.ports !== undefined){
let data12 = data.ports;
const _errs29 = errors;
let valid5 = false;
const _errs30 = errors;
if("database" !== data12){
const err35 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/anyOf/0/const",keyword:"const",params:{allowedValue: "database"},message:"must be equal to constant",schema:"database",parentSchema:schema40.properties.ports.anyOf[0],data:data12};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
var _valid0 = _errs30 === errors;
valid5 = valid5 || _valid0;
if(!valid5){
const _errs31 = errors;
if(Array.isArray(data12)){
if(data12.length < 1){
const err36 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema40.properties.ports.anyOf[1],data:data12};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
const len1 = data12.length;
for(let i1=0; i1<len1; i1++){
let data13 = data12[i1];
const _errs34 = errors;
let valid8 = false;
const _errs35 = errors;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err37 = {instancePath:instancePath+"/ports/" + i1,schemaPath:"#/properties/ports/anyOf/1/items/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.ports.anyOf[1].items.anyOf[0].type,parentSchema:schema40.properties.ports.anyOf[1].items.anyOf[0],data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 > 65535 || isNaN(data13)){
const err38 = {instancePath:instancePath+"/ports/" + i1,schemaPath:"#/properties/ports/anyOf/1/items/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40.properties.ports.anyOf[1].items.anyOf[0],data:data13};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(data13 < 0 || isNaN(data13)){
const err39 = {instancePath:instancePath+"/ports/" + i1,schemaPath:"#/properties/ports/anyOf/1/items/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema40.properties.ports.anyOf[1].items.anyOf[0],data:data13};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
var _valid1 = _errs35 === errors;
valid8 = valid8 || _valid1;
if(!valid8){
const _errs37 = errors;
if(typeof data13 === "string"){
if(!pattern5.test(data13)){
const err40 = {instancePath:instancePath+"/ports/" + i1,schemaPath:"#/properties/ports/anyOf/1/items/anyOf/1/pattern",keyword:"pattern",params:{pattern: "^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$"},message:"must match pattern \""+"^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$"+"\"",schema:"^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$",parentSchema:schema40.properties.ports.anyOf[1].items.anyOf[1],data:data13};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
else {
const err41 = {instancePath:instancePath+"/ports/" + i1,schemaPath:"#/properties/ports/anyOf/1/items/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.ports.anyOf[1].items.anyOf[1].type,parentSchema:schema40.properties.ports.anyOf[1].items.anyOf[1],data:data13};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
var _valid1 = _errs37 === errors;
valid8 = valid8 || _valid1;
}
if(!valid8){
const err42 = {instancePath:instancePath+"/ports/" + i1,schemaPath:"#/properties/ports/anyOf/1/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema40.properties.ports.anyOf[1].items.anyOf,parentSchema:schema40.properties.ports.anyOf[1].items,data:data13};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
else {
errors = _errs34;
if(vErrors !== null){
if(_errs34){
vErrors.length = _errs34;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err43 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema40.properties.ports.anyOf[1].type,parentSchema:schema40.properties.ports.anyOf[1],data:data12};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
var _valid0 = _errs31 === errors;
valid5 = valid5 || _valid0;
}
if(!valid5){
const err44 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema40.properties.ports.anyOf,parentSchema:schema40.properties.ports,data:data12};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
else {
errors = _errs29;
if(vErrors !== null){
if(_errs29){
vErrors.length = _errs29;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err45 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
validate34.errors = vErrors;
return errors === 0;
}

const check_same_provider = validate35;
const schema41 = {"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"type":"string"},"roles":{"type":"array","minItems":1,"items":{"type":"string","minLength":1}}},"$id":"topogate:check_same_provider"};

function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="topogate:check_same_provider" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema41.required,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "type") || (key0 === "roles"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.type.type,parentSchema:schema41.properties.type,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.roles !== undefined){
let data1 = data.roles;
if(Array.isArray(data1)){
if(data1.length < 1){
const err3 = {instancePath:instancePath+"/roles",schemaPath:"#/properties/roles/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema41.properties.roles,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(typeof data2 === "string"){
if(func2(data2) < 1){
const err4 = {instancePath:instancePath+"/roles/" + i0,schemaPath:"#/properties/roles/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema41.properties.roles.items,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/roles/" + i0,schemaPath:"#/properties/roles/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.roles.items.type,parentSchema:schema41.properties.roles.items,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/roles",schemaPath:"#/properties/roles/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema41.properties.roles.type,parentSchema:schema41.properties.roles,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.type,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate35.errors = vErrors;
return errors === 0;
}

const check_same_region = validate36;
const schema42 = {"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"type":"string"},"roles":{"type":"array","minItems":1,"items":{"type":"string","minLength":1}}},"$id":"topogate:check_same_region"};

function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="topogate:check_same_region" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema42.required,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "type") || (key0 === "roles"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.type.type,parentSchema:schema42.properties.type,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.roles !== undefined){
let data1 = data.roles;
if(Array.isArray(data1)){
if(data1.length < 1){
const err3 = {instancePath:instancePath+"/roles",schemaPath:"#/properties/roles/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema42.properties.roles,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(typeof data2 === "string"){
if(func2(data2) < 1){
const err4 = {instancePath:instancePath+"/roles/" + i0,schemaPath:"#/properties/roles/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema42.properties.roles.items,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/roles/" + i0,schemaPath:"#/properties/roles/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.roles.items.type,parentSchema:schema42.properties.roles.items,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/roles",schemaPath:"#/properties/roles/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema42.properties.roles.type,parentSchema:schema42.properties.roles,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.type,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate36.errors = vErrors;
return errors === 0;
}


;// CONCATENATED MODULE: ./src/core/input/schema-validation.ts

/**
 * JSON Schema validation (ajv) whose errors read like a reviewer wrote them: each one
 * names the thing by its name (`server "fe-1"`), sits on the line of the offending key
 * or value, and says what to write instead. Raw JSON pointers never reach the user.
 */
/**
 * A validator compiled ahead of time (`npm run schemas` writes validators.generated.js):
 * ajv compiling at run time cost ~70 ms of every start-up.
 */
function precompiledValidator(name) {
    const fn = validators_generated_namespaceObject[name];
    if (!fn)
        throw new Error(`no precompiled validator "${name}": run npm run schemas`);
    return fn;
}
function pointerToPath(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
function valueAt(root, path) {
    let v = root;
    for (const seg of path) {
        if (v === null || typeof v !== 'object')
            return undefined;
        v = v[seg];
    }
    return v;
}
/** `environment "production" > server "fe-1" > port`: what a person calls the place. */
function describePath(root, path, kinds = {}) {
    const parts = [];
    let v = root;
    let parentKey = '';
    for (const seg of path) {
        const next = v !== null && typeof v === 'object' ? v[seg] : undefined;
        if (Array.isArray(v)) {
            const named = next !== null && typeof next === 'object' && !Array.isArray(next) ? (next.name ?? next.id) : undefined;
            const kind = kinds[parentKey] ?? `${parentKey} item`;
            parts.pop();
            parts.push(typeof named === 'string' && named !== '' ? `${kind} "${named}"` : `${kind} #${Number(seg) + 1}`);
        }
        else {
            parts.push(String(seg));
        }
        parentKey = String(seg);
        v = next;
    }
    return parts.join(' > ') || 'the document';
}
function typeName(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return v.length === 0 ? 'an empty list' : 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    if (typeof v === 'string')
        return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
    return `${typeof v} ${String(v)}`;
}
function expected(type) {
    const names = { object: 'a mapping (key: value)', array: 'a list', string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', null: 'empty' };
    const list = Array.isArray(type) ? type : [type];
    return list.map((t) => names[String(t)] ?? String(t)).join(' or ');
}
/** Closest known word, for "did you mean". */
function closest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    for (const c of candidates) {
        const d = editDistance(word.toLowerCase(), c.toLowerCase());
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
/** Edit distance where swapping two neighbours counts as one edit (optimal string alignment). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}
/** Drops the branch errors under a failed anyOf/oneOf: one message per place, not one per branch. */
function collapseAlternatives(errors) {
    const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
    return errors.filter((e) => {
        if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
            // An outer alternative that holds an inner one: keep the inner (more precise) one.
            return !alternatives.some((o) => o !== e && o.schemaPath.startsWith(`${e.schemaPath}/`) && o.instancePath.startsWith(e.instancePath));
        }
        return !alternatives.some((a) => e.schemaPath.startsWith(`${a.schemaPath}/`) && (e.instancePath === a.instancePath || e.instancePath.startsWith(`${a.instancePath}/`)));
    });
}
/**
 * Validates a located document and returns every problem, each with its line, column
 * and a sentence a person understands. `kinds` names list items (`servers` -> `server`).
 */
function validateLocated(validate, doc, kinds = {}, base = []) {
    if (validate(valueAt(doc.value, base)))
        return [];
    const problems = [];
    const seen = new Set();
    const errors = collapseAlternatives(validate.errors ?? []);
    // A misspelt key is one mistake, not two: drop "x is required" where an unknown key suggests x.
    const misspelt = new Set();
    for (const e of errors) {
        if (e.keyword !== 'additionalProperties')
            continue;
        const extra = e.params.additionalProperty;
        const suggestion = closest(extra, Object.keys(e.parentSchema?.properties ?? {}));
        if (suggestion)
            misspelt.add(`${e.instancePath}\0${suggestion}`);
    }
    // A text too short usually fails its pattern too: one mistake, said once (the length is the clearer).
    const tooShort = new Set(errors.filter((e) => e.keyword === 'minLength').map((e) => e.instancePath));
    for (const e of errors) {
        if (e.keyword === 'required' && misspelt.has(`${e.instancePath}\0${e.params.missingProperty}`))
            continue;
        if (e.keyword === 'pattern' && tooShort.has(e.instancePath))
            continue;
        // `if`/`then` wrappers repeat what their inner error already says.
        if (e.keyword === 'if')
            continue;
        const path = [...base, ...pointerToPath(e.instancePath)];
        const where = describePath(doc.value, path, kinds);
        const hint = e.parentSchema?.['x-hint'];
        const data = valueAt(doc.value, path);
        const last = path[path.length - 1];
        // A list item is already named by `where` (opening #1): its index is no key.
        const key = path.length === 0 ? 'the document' : Array.isArray(valueAt(doc.value, path.slice(0, -1))) ? 'it' : `"${last}"`;
        let message;
        let at = doc.at(path);
        switch (e.keyword) {
            case 'required': {
                const missing = e.params.missingProperty;
                const propertyHint = e.parentSchema?.properties?.[missing]?.['x-hint'];
                message = `${where}: "${missing}" is required.${propertyHint ? ` ${propertyHint}` : ''}`;
                at = doc.at(path);
                break;
            }
            case 'additionalProperties': {
                const extra = e.params.additionalProperty;
                const allowed = Object.keys(e.parentSchema?.properties ?? {});
                const suggestion = closest(extra, allowed);
                message = `${where}: unknown key "${extra}".${suggestion ? ` Did you mean "${suggestion}"?` : allowed.length > 0 ? ` Known keys: ${allowed.join(', ')}.` : ''}`;
                at = doc.keyAt([...path, extra]);
                break;
            }
            case 'type':
                message = `${where}: ${key} must be ${expected(e.params.type)}, not ${typeName(data)}.`;
                break;
            case 'enum': {
                const allowed = e.params.allowedValues.map((v) => JSON.stringify(v));
                const suggestion = typeof data === 'string' ? closest(data, e.params.allowedValues.map(String)) : undefined;
                message = `${where}: ${typeName(data)} is not allowed; use one of ${allowed.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`;
                break;
            }
            case 'const':
                message = `${where}: must be ${JSON.stringify(e.params.allowedValue)}, not ${typeName(data)}.`;
                break;
            case 'minItems':
                message = `${where}: the list needs at least ${e.params.limit} item(s).`;
                break;
            case 'maxItems':
                message = `${where}: the list may have at most ${e.params.limit} items.`;
                break;
            case 'minLength': {
                const limit = e.params.limit;
                message = limit > 1 ? `${where}: ${key} needs at least ${limit} characters.` : `${where}: ${key} must not be empty.`;
                break;
            }
            case 'maxLength':
                message = `${where}: ${key} is longer than ${e.params.limit} characters.`;
                break;
            case 'minimum':
            case 'maximum':
            case 'exclusiveMinimum':
            case 'exclusiveMaximum':
                message = `${where}: ${String(data)} is out of range (${e.message}).`;
                break;
            case 'minProperties':
                message = `${where}: must not be empty.`;
                break;
            case 'maxProperties': {
                const limit = e.params.limit;
                message = `${where}: ${limit === 1 ? 'must hold one key' : `must hold at most ${limit} keys`}, not ${Object.keys(data).length} (${Object.keys(data).join(', ')}).`;
                break;
            }
            case 'uniqueItems':
                message = `${where}: the list repeats an item.`;
                break;
            case 'pattern':
                message = `${where}: ${typeName(data)} is not valid.`;
                break;
            case 'propertyNames': {
                message = `${where}: a key is not valid.`;
                break;
            }
            case 'anyOf':
            case 'oneOf':
                message = `${where}: ${typeName(data)} is not valid.`;
                break;
            default:
                message = `${where}: ${e.message ?? 'is not valid'}.`;
        }
        if (hint)
            message = `${message} ${hint}`;
        const dedupe = `${at.line}:${at.column}:${message}`;
        if (seen.has(dedupe))
            continue;
        seen.add(dedupe);
        problems.push({ ...at, message });
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/core/input/validator-names.ts
/**
 * How topogate's JSON Schema validators are built and named: shared by the generator
 * (scripts/compile-schemas.ts) and the code that uses the generated module.
 */
const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true };
const VALIDATOR_NAMES = {
    topology: 'topology',
    pack: 'pack',
    policy: 'policy',
    check: (type) => `check_${type.replace(/[^A-Za-z0-9]/g, '_')}`,
};

;// CONCATENATED MODULE: ./src/core/flow/reach.ts


/**
 * The ports a connection's responses go back to: the client's ephemeral port, which Linux
 * (32768-60999), Windows (49152-65535) and AWS NAT gateways and balancers (1024-65535)
 * all pick within this range. AWS's advice for network ACLs is to allow all of it.
 */
const EPHEMERAL_PORTS = PortSet.range(1024, 65535);
/**
 * Where every common client's ephemeral range lies (Linux 32768-60999, Windows and macOS
 * 49152-65535): responses blocked on all of it fail for them. A balancer or NAT gateway
 * as the client may pick any port of EPHEMERAL_PORTS.
 */
const COMMON_CLIENT_PORTS_FROM = 32768;
/** The addresses an endpoint may have: its set, or everything when nothing is known. */
function possibleAddresses(e) {
    return e.addresses.isEmpty() && !e.addressesExact ? AddressSet.ALL : e.addresses;
}
function protocolMatches(rule, flow) {
    return rule === 'all' || rule === flow;
}
/**
 * What the flow engine works out once per endpoint and per layer, kept on the object
 * itself under a private, non-enumerable key: tens of thousands of WeakMap entries cost
 * more (and burden the collector more) than the work they save.
 */
const CACHE = Symbol('topogate.flow');
const frozenOwners = new WeakMap();
function cached(owner, make) {
    const slot = owner;
    let value = slot[CACHE];
    if (value === undefined) {
        if (!Object.isExtensible(owner)) {
            // A frozen model (a caller's, or a test's): keep its cache aside.
            if (!frozenOwners.has(owner))
                frozenOwners.set(owner, make());
            return frozenOwners.get(owner);
        }
        value = make();
        Object.defineProperty(owner, CACHE, { value, writable: false, enumerable: false, configurable: false });
    }
    return value;
}
/** An endpoint as the matcher sees it; cached, since every flow to or from it asks again. */
function sideOf(e) {
    return cached(e, () => ({
        addresses: possibleAddresses(e),
        exact: e.addressesExact,
        identities: new Set(e.identities),
        identitiesUnknown: e.identitiesUnknown,
        rolesUnknown: e.rolesUnknown,
        possibleRoles: e.rolesUnknown !== undefined && e.possibleRoles ? new Set(e.possibleRoles.map((r) => `role:${r}`)) : undefined,
    }));
}
const layerIds = new WeakMap();
let nextLayerId = 0;
function layerId(layer) {
    let id = layerIds.get(layer);
    if (id === undefined)
        layerIds.set(layer, (id = nextLayerId++));
    return id;
}
const layerCache = (layer) => cached(layer, () => ({ byPort: new Map(), cuts: new Map() }));
function hasIdentity(peer, side) {
    for (const id of peer.identities)
        if (side.identities.has(id))
            return true;
    return false;
}
/** A peer naming identities the side lacks, on a side whose identities (or roles) are not all known: it may match. */
function mayHaveIdentity(peer, side) {
    if (side.identitiesUnknown === undefined && side.rolesUnknown === undefined)
        return false;
    if (peer.identities.length === 0 || hasIdentity(peer, side))
        return false;
    if (side.identitiesUnknown !== undefined)
        return true;
    // Roles unknown: only a role it may gain can make the rule match.
    const possible = side.possibleRoles;
    return peer.identities.some((id) => id.startsWith('role:') && (possible === undefined || possible.has(id)));
}
/** Why a side may carry an identity it is not known to: its identities, else its roles, are unknown. */
const identityDoubt = (side) => side.identitiesUnknown ?? side.rolesUnknown;
/** Does a selector match a whole endpoint? */
function matchesEndpoint(peer, side) {
    if (peer.unknown !== undefined)
        return 'maybe';
    if (hasIdentity(peer, side))
        return 'yes';
    if (peer.addresses.covers(side.addresses))
        return 'yes';
    if (mayHaveIdentity(peer, side))
        return 'maybe';
    if (!peer.addresses.overlaps(side.addresses))
        return 'no';
    return 'maybe';
}
/** Priority order; at equal priority deny is evaluated first (GCP's rule, harmless elsewhere). */
function rulesInOrder(layer) {
    const cache = layerCache(layer);
    let rules = cache.sorted;
    if (!rules) {
        const before = (a, b) => a.priority - b.priority || (a.action === b.action ? 0 : a.action === 'deny' ? -1 : 1);
        // Most layers (security groups: all allows at one priority) are in order already.
        let ordered = true;
        for (let i = 1; i < layer.rules.length && ordered; i++)
            ordered = before(layer.rules[i - 1], layer.rules[i]) <= 0;
        rules = ordered
            ? layer.rules
            : layer.rules
                .map((r, i) => ({ r, i }))
                .sort((a, b) => before(a.r, b.r) || a.i - b.i)
                .map((x) => x.r);
        cache.sorted = rules;
    }
    return rules;
}
/**
 * The layer's rules that can apply to one protocol and port, in evaluation order: a layer
 * is asked about the same ports by every flow into its endpoint, so this is worked out
 * once per layer and port.
 */
function rulesFor(layer, protocol, port) {
    const byPort = layerCache(layer).byPort;
    const key = protocol === 'tcp' ? port : -1 - port;
    let entry = byPort.get(key);
    if (!entry) {
        const rules = rulesInOrder(layer).filter((r) => protocolMatches(r.protocol, protocol) && (r.portsUnknown !== undefined || r.ports.has(port)));
        const union = layer.defaultAction === 'deny' && layer.unknown === undefined && rules.every((r) => r.action === 'allow' && !r.local && r.peer.unknown === undefined && r.portsUnknown === undefined && r.uncertain === undefined);
        byPort.set(key, (entry = { rules, union }));
    }
    return entry;
}
/** The empty list answers share: one per pair and layer otherwise, mostly never filled. */
const NONE = Object.freeze([]);
/**
 * One layer, first-match: which of `remote`'s addresses it lets through between
 * `remote` and `local` (the endpoint the layer is attached to).
 */
function reachThroughLayer(layer, remote, local, protocol, port, exposure = false) {
    if (layer.alternatives)
        return reachThroughAlternatives(layer, layer.alternatives, remote, local, protocol, port, exposure);
    if (layer.unknown !== undefined) {
        return { min: AddressSet.EMPTY, max: remote.addresses, allowedBy: [], deniedBy: [], unknowns: [layer.unknown] };
    }
    const { rules, union } = rulesFor(layer, protocol, port);
    if (union && remote.identitiesUnknown === undefined && remote.rolesUnknown === undefined) {
        // A union of allows: what each rule matches, added up; exact, so min and max agree.
        let got = AddressSet.EMPTY;
        const by = [];
        for (const rule of rules) {
            const m = hasIdentity(rule.peer, remote) ? remote.addresses : rule.peer.addresses.intersect(remote.addresses);
            if (m.isEmpty() || got.covers(m))
                continue;
            got = got.union(m);
            by.push(rule.origin);
            if (got.covers(remote.addresses))
                break;
        }
        return { min: got, max: got, allowedBy: by, deniedBy: NONE, unknowns: NONE };
    }
    let remMin = remote.addresses;
    let remMax = remote.addresses;
    let min = AddressSet.EMPTY;
    let max = AddressSet.EMPTY;
    const allowedBy = [];
    const deniedBy = [];
    const unknowns = [];
    for (const rule of rules) {
        if (remMin.isEmpty() && remMax.isEmpty())
            break;
        const portKnown = rule.portsUnknown === undefined;
        const localMatch = rule.local ? matchesEndpoint(rule.local, local) : 'yes';
        if (localMatch === 'no')
            continue;
        const peerUnknown = rule.peer.unknown !== undefined;
        const identityMaybe = !peerUnknown && mayHaveIdentity(rule.peer, remote);
        const matched = hasIdentity(rule.peer, remote) ? remote.addresses : rule.peer.addresses.intersect(remote.addresses);
        const possible = peerUnknown || identityMaybe ? remote.addresses : matched;
        const certain = portKnown && localMatch === 'yes' && !peerUnknown && rule.uncertain === undefined ? matched : AddressSet.EMPTY;
        if (!certain.equals(possible) && possible.overlaps(remMax)) {
            const localWhy = localMatch === 'maybe' ? (rule.local?.unknown ?? identityDoubt(local)) : undefined;
            unknowns.push(rule.peer.unknown ?? rule.portsUnknown ?? localWhy ?? rule.uncertain ?? (identityMaybe ? identityDoubt(remote) : undefined) ?? `${rule.origin.label} applies to part of ${layer.name} only`);
        }
        if (rule.action === 'allow') {
            const gotMin = certain.intersect(remMin);
            if (!gotMin.isEmpty()) {
                min = min.union(gotMin);
                remMin = remMin.subtract(gotMin);
                allowedBy.push(rule.origin);
            }
            const gotMax = possible.intersect(remMax);
            if (!gotMax.isEmpty()) {
                max = max.union(gotMax);
                remMax = remMax.subtract(gotMax);
            }
        }
        else {
            if (possible.overlaps(remMax))
                deniedBy.push(rule.origin);
            remMin = remMin.subtract(possible);
            remMax = remMax.subtract(certain);
        }
    }
    if (layer.defaultAction === 'allow') {
        min = min.union(remMin);
        max = max.union(remMax);
    }
    return { min, max, allowedBy, deniedBy, unknowns };
}
/**
 * Filters of which one applies to each connection. `one` (which one is not known): certain
 * what each lets through, possible what any does. `each` (every one, to some connections):
 * what always gets through is what all let through; what can get in, what any lets in.
 */
function reachThroughAlternatives(layer, alternatives, remote, local, protocol, port, exposure) {
    const each = layer.alternativesApply === 'each';
    let min = each && exposure ? AddressSet.EMPTY : remote.addresses;
    let max = each && !exposure ? remote.addresses : AddressSet.EMPTY;
    const allowedBy = [];
    const deniedBy = [];
    const unknowns = [];
    for (const alternative of alternatives) {
        const r = reachThroughLayer(alternative, remote, local, protocol, port, exposure);
        min = each && exposure ? min.union(r.min) : min.intersect(r.min);
        max = each && !exposure ? max.intersect(r.max) : max.union(r.max);
        for (const o of r.allowedBy)
            if (!allowedBy.includes(o))
                allowedBy.push(o);
        for (const o of r.deniedBy)
            if (!deniedBy.includes(o))
                deniedBy.push(o);
        for (const u of r.unknowns)
            unknowns.push(u);
    }
    if (!each && !min.equals(max))
        unknowns.push(`${layer.name}: which of them applies is not known, and they differ here`);
    return { min, max, allowedBy, deniedBy, unknowns };
}
const readsLocal = (layer) => layer.rules.some((r) => r.local !== undefined) || (layer.alternatives ?? NONE).some(readsLocal);
/**
 * reachThroughLayer for the responses: a farm's pairs ask a subnet's ACL the same (remote
 * end, port) again and again, so answers are kept per remote end where no rule reads the
 * local one. The answers are shared: not to be changed.
 */
function reachThroughKept(layer, remote, local, protocol, port) {
    const cache = layerCache(layer);
    cache.readsLocal ??= readsLocal(layer);
    if (cache.readsLocal)
        return reachThroughLayer(layer, remote, local, protocol, port);
    return keptAnswer(cache, layer, remote, local, protocol, port, false);
}
/** The answer kept on the layer for a remote end and question (one store for flows and responses). */
function keptAnswer(cache, layer, remote, local, protocol, port, exposure) {
    cache.byRemote ??= new WeakMap();
    let answers = cache.byRemote.get(remote);
    if (!answers)
        cache.byRemote.set(remote, (answers = new Map()));
    // Port and protocol folded in as for byPort, and exposure beyond the port range.
    const key = (protocol === 'tcp' ? port : -1 - port) + (exposure ? 1 << 20 : 0);
    let answer = answers.get(key);
    if (!answer)
        answers.set(key, (answer = reachThroughLayer(layer, remote, local, protocol, port, exposure)));
    return answer;
}
/**
 * reachThroughLayer for flows. A layer several ends share (the security groups of a farm)
 * is asked about each remote end by every one of them: where no rule reads the local end,
 * the answer is the same, so it is kept per remote end once a second local end asks. A
 * layer of one end (a topology target's own firewall) keeps nothing: it would only fill
 * memory with answers asked once.
 */
function reachThroughShared(layer, remote, local, protocol, port, exposure) {
    const cache = layerCache(layer);
    if (!cache.shared) {
        if (cache.firstLocal === undefined)
            cache.firstLocal = local;
        if (cache.firstLocal === local)
            return reachThroughLayer(layer, remote, local, protocol, port, exposure);
        cache.readsLocal ??= readsLocal(layer);
        if (cache.readsLocal)
            return reachThroughLayer(layer, remote, local, protocol, port, exposure);
        cache.shared = true;
    }
    return keptAnswer(cache, layer, remote, local, protocol, port, exposure);
}
/** Which of `source`'s addresses reach `target` on one protocol and port, through every layer of both ends. */
function reachOnPort(source, target, protocol, port, options = {}) {
    const reach = reachOnSegment(source, target, protocol, port, PortSet.of(port), options.exposure);
    const responses = options.responses ? responseReach(source, target, protocol) : undefined;
    return responses ? withResponses(reach, responses) : reach;
}
/** reachOnPort for `port` standing for the segment `ports`, in the segment's shape (built once: this runs per pair). */
function reachOnSegment(source, target, protocol, port, ports, exposure = false) {
    const src = sideOf(source);
    const dst = sideOf(target);
    let min = src.addresses;
    let max = src.addresses;
    const allowedBy = [];
    const blocks = [];
    const unknowns = [];
    // Egress of the source: the question is whether the target's address gets out, which
    // is all or nothing for the source.
    for (const layer of source.egress) {
        const r = reachThroughShared(layer, dst, src, protocol, port, exposure);
        for (const u of r.unknowns)
            unknowns.push(u);
        // An exact target must get all its addresses out; an inexact one (somewhere in a
        // range) certainly does when the whole range is allowed, possibly when part is.
        const certainly = r.min.covers(dst.addresses);
        const possibly = dst.exact ? r.max.covers(dst.addresses) : r.max.overlaps(dst.addresses);
        if (!possibly) {
            blocks.push({ hop: 'egress', layer, deniedBy: r.deniedBy });
            min = AddressSet.EMPTY;
            max = AddressSet.EMPTY;
        }
        else if (!certainly) {
            min = AddressSet.EMPTY;
            if (r.unknowns.length === 0)
                unknowns.push(`the address of ${target.name} is not known until apply, so ${layer.name} may or may not let traffic out to it`);
        }
        else {
            for (const o of r.allowedBy)
                allowedBy.push(o);
        }
    }
    for (const layer of target.ingress) {
        const r = reachThroughShared(layer, src, dst, protocol, port, exposure);
        for (const u of r.unknowns)
            unknowns.push(u);
        if (!r.max.covers(max))
            blocks.push({ hop: 'ingress', layer, deniedBy: r.deniedBy });
        min = min.intersect(r.min);
        max = max.intersect(r.max);
        for (const o of r.allowedBy)
            allowedBy.push(o);
    }
    return { ports, min, max, allowedBy, blocks, unknowns };
}
/** Where the layer's rules for a protocol start and stop: a segment boundary each, sorted, once per layer. */
function cutsOf(layer, protocol) {
    const byProtocol = layerCache(layer).cuts;
    let cuts = byProtocol.get(protocol);
    if (!cuts) {
        const all = [];
        for (const rule of layer.rules) {
            if (!protocolMatches(rule.protocol, protocol) || rule.portsUnknown !== undefined)
                continue;
            for (const [a, b] of rule.ports.toRanges())
                all.push(a, b + 1);
        }
        for (const alternative of layer.alternatives ?? NONE)
            for (const c of cutsOf(alternative, protocol))
                all.push(c);
        all.sort((a, b) => a - b);
        cuts = all.filter((c, i) => i === 0 || c !== all[i - 1]);
        byProtocol.set(protocol, cuts);
    }
    return cuts;
}
/** Adds the cuts of one layer inside (from, to] to `into`: a binary search, then only the ones in range. */
function cutsWithin(cuts, from, to, into) {
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cuts[mid] <= from)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (let i = lo; i < cuts.length && cuts[i] <= to; i++)
        into.push(cuts[i]);
}
/**
 * Splits `ports` where any rule on the path starts or ends, so that one port per
 * segment stands for all of it: the cost is per rule boundary inside the asked ranges,
 * found by binary search in each layer's sorted boundaries (a pair in a farm of hundreds
 * sharing a big rule set must not merge every boundary again).
 */
function portSegments(source, target, protocol, ports) {
    // Single ports (what policies mostly ask for) are their own segments: no cuts needed,
    // and the same for every pair a policy asks about (worked out once per port set).
    let singles = singlePortSegments.get(ports);
    if (singles === undefined) {
        const ranges = ports.toRanges();
        singles = ranges.every(([a, b]) => a === b) ? ranges.map(([a]) => PortSet.of(a)) : null;
        singlePortSegments.set(ports, singles);
    }
    if (singles)
        return singles;
    const ranges = ports.toRanges();
    const segments = [];
    for (const [from, to] of ranges)
        splitRange(from, to, from < to ? [...source.egress, ...target.ingress] : NONE, protocol, segments);
    return segments;
}
/** A port set of single ports, as its segments (shared: not to be changed); null for one with ranges. */
const singlePortSegments = new WeakMap();
/** Adds to `into` the range from-to cut where a rule of `layers` starts or stops. */
function splitRange(from, to, layers, protocol, into) {
    const inside = [];
    for (const layer of layers)
        cutsWithin(cutsOf(layer, protocol), from, to, inside);
    inside.sort((a, b) => a - b);
    let start = from;
    for (const c of inside) {
        if (c <= start)
            continue;
        into.push(PortSet.range(start, c - 1));
        start = c;
    }
    into.push(PortSet.range(start, to));
}
/** Reach for every port of `ports`, one evaluation per segment of equal behaviour. */
function reachOnPorts(source, target, protocol, ports, options = {}) {
    const segments = portSegments(source, target, protocol, ports).map((segment) => reachOnSegment(source, target, protocol, segment.toRanges()[0][0], segment, options.exposure));
    // The responses go to the client's port, whatever port the flow is on: worked out once.
    const responses = options.responses ? responseReach(source, target, protocol) : undefined;
    return responses ? segments.map((s) => withResponses(s, responses)) : segments;
}
const statelessOf = (layers) => (layers ?? NONE).filter((l) => l.stateless === true);
/** Asked for every pair: a scan, no list made, as most paths hold nothing stateless. */
function anyStateless(layers) {
    if (layers)
        for (const l of layers)
            if (l.stateless === true)
                return true;
    return false;
}
/**
 * Which of `source`'s addresses get the responses of a connection to `target` back: from
 * the target to the source's ephemeral port, out through the target's stateless filters
 * and in through the source's (stateful ones let responses pass). Certain for the
 * addresses that get them back on every ephemeral port, possible for those that get them
 * back on some: which port a client picks is not known. Undefined when nothing on the
 * path is stateless.
 */
function responseReach(source, target, protocol) {
    if (!anyStateless(target.egress) && !anyStateless(source.ingress))
        return undefined;
    const out = statelessOf(target.egress);
    const back = statelessOf(source.ingress);
    const src = sideOf(source);
    const dst = sideOf(target);
    const [[from, to]] = EPHEMERAL_PORTS.toRanges();
    // The same layers cut the range the same way for every pair of a farm: once per set of layers.
    const layers = [...out, ...back];
    const grids = (layerCache(layers[0]).responseGrids ??= new Map());
    const gridKey = `${protocol} ${layers.map(layerId).join(' ')}`;
    let segments = grids.get(gridKey);
    if (!segments) {
        const made = [];
        splitRange(from, COMMON_CLIENT_PORTS_FROM - 1, layers, protocol, made);
        splitRange(COMMON_CLIENT_PORTS_FROM, to, layers, protocol, made);
        grids.set(gridKey, (segments = made));
    }
    // The ports the client may really pick: where no response gets back, the flow fails.
    const picks = source.kind === 'load-balancer' ? from : COMMON_CLIENT_PORTS_FROM;
    let min = src.addresses;
    let max = AddressSet.EMPTY;
    const allowedBy = [];
    const unknowns = [];
    /** Per layer: the denials seen where it blocked, and whether it blocked on every segment. */
    const blocked = new Map();
    let picked = true;
    const block = (layer, hop, deniedBy, here) => {
        const b = blocked.get(layer) ?? { hop, deniedBy: [], everywhere: true, anywhere: false };
        if (here)
            for (const o of deniedBy)
                if (!b.deniedBy.includes(o))
                    b.deniedBy.push(o);
        if (picked)
            b.everywhere &&= here;
        b.anywhere ||= here;
        blocked.set(layer, b);
    };
    const passing = [];
    let partial = false;
    for (const segment of segments) {
        const port = segment.toRanges()[0][0];
        picked = port >= picks;
        let segMin = src.addresses;
        let segMax = src.addresses;
        for (const layer of out) {
            // Out of the target: which of the source's addresses it may answer.
            const r = reachThroughKept(layer, src, dst, protocol, port);
            for (const u of r.unknowns)
                unknowns.push(u);
            block(layer, 'response-egress', r.deniedBy, !r.max.covers(segMax));
            segMin = segMin.intersect(r.min);
            segMax = segMax.intersect(r.max);
            for (const o of r.allowedBy)
                if (!allowedBy.includes(o))
                    allowedBy.push(o);
        }
        for (const layer of back) {
            // Into the source: all or nothing for it, as the target's address is let in or not.
            const r = reachThroughKept(layer, dst, src, protocol, port);
            for (const u of r.unknowns)
                unknowns.push(u);
            const certainly = r.min.covers(dst.addresses);
            const possibly = dst.exact ? r.max.covers(dst.addresses) : r.max.overlaps(dst.addresses);
            block(layer, 'response-ingress', r.deniedBy, !possibly);
            if (!possibly)
                segMin = segMax = AddressSet.EMPTY;
            else if (!certainly) {
                segMin = AddressSet.EMPTY;
                if (r.unknowns.length === 0)
                    unknowns.push(`the address of ${target.name} is not known until apply, so ${layer.name} may or may not let its responses in`);
            }
            else
                for (const o of r.allowedBy)
                    if (!allowedBy.includes(o))
                        allowedBy.push(o);
        }
        min = min.intersect(segMin);
        if (picked)
            max = max.union(segMax);
        if (!segMax.covers(src.addresses))
            partial = true;
        if (segMin.covers(src.addresses) && !src.addresses.isEmpty())
            passing.push(segment);
    }
    if (partial && !max.equals(min)) {
        const where = passing.length === 0 ? 'part of' : `${protocol}/${PortSet.unionOf(passing).describe()} of`;
        const names = layers.map((l) => l.name);
        unknowns.push(`the responses of ${target.name} get back to ${source.name} only on ${where} the ephemeral ports ${EPHEMERAL_PORTS.describe()} (${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} stateless), so it depends on the port the client picks`);
    }
    const blocks = [];
    for (const [layer, b] of blocked)
        if (b.everywhere)
            blocks.push({ hop: b.hop, layer, deniedBy: b.deniedBy });
    // Blocked by different filters on different ports: name each that blocked somewhere.
    if (blocks.length === 0 && !min.covers(src.addresses))
        for (const [layer, b] of blocked)
            if (b.anywhere)
                blocks.push({ hop: b.hop, layer, deniedBy: b.deniedBy });
    return { min, max, allowedBy, blocks, unknowns: [...new Set(unknowns)] };
}
/** A segment's reach narrowed to the addresses whose responses get back. */
function withResponses(reach, responses) {
    if (responses.min.covers(reach.max))
        return responses.allowedBy.length === 0 || reach.min.isEmpty() ? reach : { ...reach, allowedBy: [...reach.allowedBy, ...responses.allowedBy] };
    return {
        ...reach,
        min: reach.min.intersect(responses.min),
        max: reach.max.intersect(responses.max),
        allowedBy: [...reach.allowedBy, ...responses.allowedBy],
        blocks: responses.max.covers(reach.max) ? reach.blocks : [...reach.blocks, ...responses.blocks],
        unknowns: [...reach.unknowns, ...responses.unknowns],
    };
}

;// CONCATENATED MODULE: ./src/core/flow/balancer-paths.ts



function hopOf(reach, need) {
    // A hop that certainly blocks part of what reaches it fails for that part: the finding names the part.
    const status = reach.min.covers(need) ? 'pass' : reach.blocks.length > 0 && !reach.max.covers(need) ? 'fail' : reach.max.overlaps(need) ? 'unknown' : 'fail';
    return { status, allowedBy: reach.allowedBy, blocks: reach.blocks, unknowns: reach.unknowns };
}
function balancerAsSource(lb) {
    // Its ingress too: the responses of the targets come back in through its stateless filters.
    return { name: lb.name, kind: 'load-balancer', addresses: lb.addresses, addressesExact: lb.addressesExact, identities: lb.identities, identitiesUnknown: lb.identitiesUnknown, egress: lb.egress, ingress: lb.ingress };
}
/** Whether the targets of a listener see the client's address (the listener's setting, else the balancer's). */
function preservesClientAddress(lb, listener) {
    return listener.preservesClientAddress ?? lb.preservesClientAddress ?? false;
}
/** The client's traffic as the target receives it from a balancer that keeps the client's address. */
function forwardedSource(source, lb) {
    const lent = lb.forwardedIdentities ?? [];
    if (lent.length === 0 && lb.egress.length === 0)
        return source;
    return { ...source, identities: [...source.identities, ...lent], egress: [...source.egress, ...lb.egress] };
}
function pathThrough(source, target, protocol, lb, listener, options) {
    const frontReach = reachOnPort(source, lb, protocol, listener.port, options);
    const front = hopOf(frontReach, possibleAddresses(source));
    if (listener.targetsUnknown !== undefined) {
        const back = { status: 'unknown', allowedBy: [], blocks: [], unknowns: [listener.targetsUnknown] };
        return { balancer: lb, listener, front, back, min: AddressSet.EMPTY, max: frontReach.max };
    }
    if (preservesClientAddress(lb, listener)) {
        // The target sees the client: the second hop is the client's own flow on the target port,
        // out through the balancer's own egress filter and carrying what it lends (its groups).
        const backReach = reachOnPort(forwardedSource(source, lb), target, protocol, listener.targetPort, options);
        const reached = frontReach.max.isEmpty() ? possibleAddresses(source) : frontReach.max;
        return {
            balancer: lb,
            listener,
            front,
            back: hopOf(backReach, reached),
            min: frontReach.min.intersect(backReach.min),
            max: frontReach.max.intersect(backReach.max),
        };
    }
    const proxy = balancerAsSource(lb);
    const backReach = reachOnPort(proxy, target, protocol, listener.targetPort, options);
    const need = possibleAddresses(proxy);
    const certain = backReach.min.covers(need);
    const possible = proxy.addressesExact ? backReach.max.covers(need) : backReach.max.overlaps(need);
    const back = { status: certain ? 'pass' : possible ? 'unknown' : 'fail', allowedBy: backReach.allowedBy, blocks: backReach.blocks, unknowns: backReach.unknowns };
    return {
        balancer: lb,
        listener,
        front,
        back,
        min: certain ? frontReach.min : AddressSet.EMPTY,
        max: possible ? frontReach.max : AddressSet.EMPTY,
    };
}
const targetSets = new WeakMap();
/** A listener's targets as a set: a plan's target group may hold thousands of instances. */
function targetsOf(listener) {
    let set = targetSets.get(listener);
    if (!set)
        targetSets.set(listener, (set = new Set(listener.targets)));
    return set;
}
/** The listeners that may forward to `target` with `protocol`. */
function listenersTo(env, target, protocol) {
    const out = [];
    for (const balancer of env.loadBalancers) {
        for (const listener of balancer.listeners) {
            if (!protocolMatches(listener.protocol, protocol))
                continue;
            if (listener.targetsUnknown !== undefined || targetsOf(listener).has(target.name))
                out.push({ balancer, listener });
        }
    }
    return out;
}
function splitAt(segments, port) {
    const out = [];
    for (const seg of segments) {
        const [[a, b]] = seg.ports.toRanges();
        if (port < a || port > b || a === b) {
            out.push(seg);
            continue;
        }
        if (port > a)
            out.push({ ...seg, ports: PortSet.range(a, port - 1) });
        out.push({ ...seg, ports: PortSet.of(port) });
        if (port < b)
            out.push({ ...seg, ports: PortSet.range(port + 1, b) });
    }
    return out;
}
/**
 * Adds every balancer path to the direct reach of each port segment. Segments are split
 * so that each listener's port is a segment of its own.
 */
function withBalancerPaths(env, source, target, protocol, segments, match, options = {}) {
    const listeners = listenersTo(env, target, protocol);
    if (listeners.length === 0)
        return segments;
    const portOf = (l) => (match === 'listener-port' ? l.port : l.targetPort);
    let split = segments;
    for (const { listener } of listeners)
        split = splitAt(split, portOf(listener));
    return split.map((seg) => {
        const port = seg.ports.toRanges()[0][0];
        const here = listeners.filter(({ listener }) => seg.ports.has(portOf(listener)) && seg.ports.toRanges()[0][1] === port);
        if (here.length === 0)
            return seg;
        const paths = here.map(({ balancer, listener }) => pathThrough(source, target, protocol, balancer, listener, options));
        let min = seg.min;
        let max = seg.max;
        let viaBalancers = AddressSet.EMPTY;
        const allowedBy = [];
        const unknowns = [...seg.unknowns];
        for (const p of paths) {
            if (!p.min.subtract(viaBalancers).isEmpty())
                allowedBy.push(...p.front.allowedBy, ...p.back.allowedBy);
            viaBalancers = viaBalancers.union(p.min);
            min = min.union(p.min);
            max = max.union(p.max);
            if (!p.max.subtract(p.min).isEmpty())
                unknowns.push(...p.front.unknowns, ...p.back.unknowns);
        }
        // The balancer path is the designed route: name its openings before any direct ones.
        // A required flow the balancers carry for every address needs no direct opening to
        // explain it (one letting in a client's sub-range would read as part of the route);
        // an exposure names every rule that lets something in.
        const direct = !options.exposure && viaBalancers.covers(source.addresses) ? [] : seg.allowedBy;
        return { ...seg, min, max, allowedBy: [...allowedBy, ...direct], unknowns, paths };
    });
}

;// CONCATENATED MODULE: ./src/core/flow/verdict.ts


/**
 * The origins of several lists, each once, in order. Rules share their origin objects, so
 * identity is what repeats; most pairs have a few, so a scan until there are many.
 */
function uniqueOrigins(lists) {
    const out = [];
    let seen;
    for (const list of lists) {
        for (const o of list) {
            if (seen ? seen.has(o) : out.includes(o))
                continue;
            out.push(o);
            if (seen)
                seen.add(o);
            else if (out.length >= 16)
                seen = new Set(out);
        }
    }
    return out;
}
function uniqueStrings(xs) {
    return [...new Set(xs)];
}
/** Merges segments that tell the same story, so a message names `80, 443` once. */
function mergeByKey(items, key, merge) {
    const byKey = new Map();
    for (const item of items) {
        const k = key(item);
        const prev = byKey.get(k);
        byKey.set(k, prev ? merge(prev, item) : item);
    }
    return [...byKey.values()];
}
/**
 * A required flow passes when every address of the source certainly gets through on
 * every port. A source known only to lie in a range (an address assigned at apply)
 * passes when the whole range gets through and fails when none of it can.
 */
function requiredFlowVerdict(source, segments) {
    const need = possibleAddresses(source);
    // The common case, every port allowed: no gaps to merge.
    if (segments.every((s) => s.min.covers(need))) {
        return { status: 'pass', allowedBy: uniqueOrigins(segments.map((s) => s.allowedBy)), gaps: [], exposed: [], unknowns: [], through: throughBalancers(segments) };
    }
    let status = 'pass';
    const gaps = [];
    const unknowns = [];
    for (const seg of segments) {
        if (seg.min.covers(need))
            continue;
        const certainlyBlocked = source.addressesExact ? !seg.max.covers(need) : !seg.max.overlaps(need);
        if (certainlyBlocked) {
            status = 'fail';
            gaps.push({
                ports: seg.ports,
                uncovered: source.addressesExact ? need.subtract(seg.max) : need,
                blockedAt: seg.blocks.map((b) => ({ hop: b.hop, layer: b.layer, deniedBy: b.deniedBy })),
                paths: seg.paths ?? [],
            });
        }
        else {
            if (status === 'pass')
                status = 'unknown';
            unknowns.push(...seg.unknowns);
            if (seg.unknowns.length === 0 && !source.addressesExact) {
                unknowns.push(`the address of ${source.name} is not known until apply, and only part of ${need.describe()} is allowed`);
            }
        }
    }
    return {
        status,
        allowedBy: status === 'pass' ? uniqueOrigins(segments.map((s) => s.allowedBy)) : [],
        gaps: mergeByKey(gaps, (g) => `${g.uncovered.key()}#${g.blockedAt.map((b) => `${b.hop}:${b.layer.name}`).join('|')}#${g.paths.map((p) => `${p.balancer.name}:${p.front.status}:${p.back.status}`).join('|')}`, (a, b) => ({ ...a, ports: a.ports.union(b.ports), blockedAt: a.blockedAt.map((x, i) => ({ ...x, deniedBy: uniqueOrigins([x.deniedBy, b.blockedAt[i]?.deniedBy ?? []]) })) })),
        exposed: [],
        unknowns: uniqueStrings(unknowns),
        through: throughBalancers(segments),
    };
}
function throughBalancers(segments) {
    if (segments.every((s) => s.paths === undefined || s.paths.length === 0))
        return [];
    return uniqueStrings(segments.flatMap((s) => (s.paths ?? []).filter((p) => !p.min.isEmpty()).map((p) => p.balancer.name)));
}
/**
 * A forbidden flow fails when some address of the source certainly gets through on
 * some port; it is unknown when some may.
 */
function forbiddenFlowVerdict(source, segments) {
    const need = possibleAddresses(source);
    let status = 'pass';
    const exposed = [];
    const allowedBy = [];
    const unknowns = [];
    for (const seg of segments) {
        const certainly = source.addressesExact ? seg.min.intersect(need) : seg.min.covers(need) ? need : AddressSet.EMPTY;
        if (!certainly.isEmpty()) {
            status = 'fail';
            exposed.push({ ports: seg.ports, addresses: certainly });
            allowedBy.push(...seg.allowedBy);
        }
        else if (seg.max.overlaps(need)) {
            if (status === 'pass')
                status = 'unknown';
            unknowns.push(...seg.unknowns);
            if (seg.unknowns.length === 0)
                unknowns.push(`the address of ${source.name} is not known until apply`);
        }
    }
    return {
        status,
        allowedBy: uniqueOrigins([allowedBy]),
        gaps: [],
        exposed: mergeByKey(exposed, (e) => e.addresses.key(), (a, b) => ({ ports: a.ports.union(b.ports), addresses: a.addresses })),
        unknowns: uniqueStrings(unknowns),
        through: throughBalancers(segments),
    };
}

;// CONCATENATED MODULE: ./src/core/flow/explain.ts




function describeLocation(o) {
    return `${o.location.file}:${o.location.line}`;
}
function describeOrigins(origins, max = 3) {
    const shown = origins.slice(0, max).map((o) => `${o.label} (${describeLocation(o)})`);
    const more = origins.length > max ? ` and ${origins.length - max} more` : '';
    return `${shown.join('; ')}${more}`;
}
function describeSourceAddresses(source) {
    if (source.kind === 'client')
        return `${source.name} (${source.addresses.describe()})`;
    if (source.addresses.isEmpty())
        return source.name;
    // An address assigned at apply, known only to be some IPv4 (or any) address: say that, not "somewhere in 0.0.0.0/0".
    if (!source.addressesExact && (source.addresses.equals(AddressSet.ALL_V4) || source.addresses.equals(AddressSet.ALL)))
        return `${source.name} (address assigned at apply)`;
    return source.addressesExact ? `${source.name} (${source.addresses.describe()})` : `${source.name} (somewhere in ${source.addresses.describe()})`;
}
/**
 * Names part of a source the shortest true way: the whole, one address family of it,
 * the whole except a few blocks, or the blocks themselves.
 */
function describeSubset(part, whole, wholeLabel, name = wholeLabel) {
    if (part.equals(whole))
        return { text: wholeLabel, mostly: true };
    for (const [family, familyName] of [[AddressSet.ALL_V4, 'IPv4'], [AddressSet.ALL_V6, 'IPv6']]) {
        const familyPart = whole.intersect(family);
        if (!familyPart.isEmpty() && part.equals(familyPart) && !familyPart.equals(whole)) {
            const text = familyPart.toCidrs().length <= 2 ? `${familyPart.describe()} of ${name}` : `every ${familyName} address of ${name}`;
            return { text, mostly: true };
        }
    }
    const rest = whole.subtract(part);
    if (rest.toCidrs().length < part.toCidrs().length)
        return { text: `${wholeLabel} except ${rest.describe(4)}`, mostly: true };
    return { text: part.describe(), mostly: false };
}
function flowPorts(protocol, ports) {
    return `${protocol}/${ports.describe()}`;
}
function fixFor(layer, hop, o) {
    if (hop === 'response-egress' || hop === 'response-ingress')
        return responseFixFor(layer, hop, o);
    const ports = o.ports.toRanges().map(([a, b]) => (a === b ? String(a) : `"${a}-${b}"`));
    const fix = layer.fix;
    if (fix?.kind === 'topology') {
        return `add to the firewall of environment "${fix.environment}": - { from: ${o.from}, to: ${o.to}, protocol: ${o.protocol}, ports: [${ports.join(', ')}] }`;
    }
    if (fix?.kind === 'resource') {
        return hop === 'ingress'
            ? `add ${fix.rule} to ${fix.address} allowing ${flowPorts(o.protocol, o.ports)} from ${o.fromText}`
            : `add ${fix.rule} to ${fix.address} allowing ${flowPorts(o.protocol, o.ports)} to ${o.toName}`;
    }
    return hop === 'ingress'
        ? `allow ${flowPorts(o.protocol, o.ports)} from ${o.fromText} in ${layer.name}`
        : `allow ${flowPorts(o.protocol, o.ports)} out to ${o.toName} in ${layer.name}`;
}
/** A stateless filter that drops the responses: open the client's ephemeral ports back to the source (or from the target). */
function responseFixFor(layer, hop, o) {
    const ports = flowPorts(o.protocol, EPHEMERAL_PORTS);
    const fix = layer.fix;
    if (hop === 'response-egress')
        return fix?.kind === 'resource' ? `add ${fix.rule} to ${fix.address} allowing ${ports} to ${o.fromText} (the responses)` : `allow ${ports} out to ${o.fromText} in ${layer.name} (the responses)`;
    return fix?.kind === 'resource' ? `add ${fix.rule} to ${fix.address} allowing ${ports} from ${o.toName} (the responses)` : `allow ${ports} from ${o.toName} in ${layer.name} (the responses)`;
}
function blockReasons(blocks, sourceName, targetName) {
    return blocks.map((b) => {
        const denied = b.deniedBy.length > 0 ? `denied by ${describeOrigins(b.deniedBy)}` : 'no rule allows it';
        switch (b.hop) {
            case 'egress':
                return `the egress of ${sourceName} (${b.layer.name}): ${denied}`;
            case 'response-egress':
                return `the responses of ${targetName} to ${sourceName}'s ephemeral port, out through ${b.layer.name}, which is stateless: ${denied}`;
            case 'response-ingress':
                return `the responses of ${targetName} to ${sourceName}'s ephemeral port, back in through ${b.layer.name}, which is stateless: ${denied}`;
            default:
                return `${b.layer.name}: ${denied}`;
        }
    });
}
/** How one balancer path fails, and the opening that would mend it. */
function explain_describePath(w, path, sourceFrom, sourceText) {
    const lb = path.balancer.name;
    const { port, targetPort } = path.listener;
    const name = `through ${lb} (listener ${w.protocol}/${port} to ${w.target.name}:${targetPort})`;
    if (path.front.status !== 'pass') {
        const reasons = path.front.status === 'fail' ? blockReasons(path.front.blocks, w.source.name, lb) : path.front.unknowns;
        const first = path.front.blocks[0];
        return {
            text: `${name}, ${w.source.name} ${path.front.status === 'fail' ? 'cannot' : 'may not'} reach ${lb} on ${w.protocol}/${port}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`,
            fix: first ? fixFor(first.layer, first.hop, { from: sourceFrom, fromText: sourceText, to: lb, toName: lb, protocol: w.protocol, ports: PortSet.of(port) }) : undefined,
        };
    }
    const preserves = preservesClientAddress(path.balancer, path.listener);
    const from = preserves ? sourceFrom : lb;
    const fromText = preserves ? sourceText : lb;
    const reasons = path.back.status === 'fail' ? blockReasons(path.back.blocks, lb, w.target.name) : path.back.unknowns;
    const first = path.back.blocks[0];
    return {
        text: `${name}, ${w.source.name} reaches ${lb} but ${preserves ? `${w.source.name}'s traffic` : lb} ${path.back.status === 'fail' ? 'cannot' : 'may not'} reach ${w.target.name} on ${w.protocol}/${targetPort}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`,
        fix: first ? fixFor(first.layer, first.hop, { from, fromText, to: w.toLabel, toName: w.target.name, protocol: w.protocol, ports: PortSet.of(targetPort) }) : undefined,
    };
}
function describeGap(w, gap) {
    const need = possibleAddresses(w.source);
    const subset = describeSubset(gap.uncovered, need, describeSourceAddresses(w.source), w.source.name);
    const what = gap.uncovered.equals(need) || subset.mostly ? subset.text : `${subset.text} of ${w.source.name}`;
    const cidrs = gap.uncovered.toCidrs();
    const sourceFrom = subset.mostly ? w.fromLabel : cidrs.length === 1 ? cidrs[0] : `[${cidrs.join(', ')}]`;
    const sourceText = subset.mostly ? w.fromLabel : cidrs.join(', ');
    const direct = blockReasons(gap.blockedAt, w.source.name, w.target.name);
    const paths = gap.paths.map((p) => explain_describePath(w, p, sourceFrom, sourceText));
    const reasons = paths.length > 0 ? [`directly: ${direct.join('; ') || 'blocked'}`, ...paths.map((p) => p.text)] : direct;
    // With a balancer in front of the target, the fix belongs on the balancer path, not a direct opening.
    const first = gap.blockedAt[0];
    const fix = paths.find((p) => p.fix)?.fix ?? (first ? fixFor(first.layer, first.hop, { from: sourceFrom, fromText: sourceText, to: w.toLabel, toName: w.target.name, protocol: w.protocol, ports: gap.ports }) : undefined);
    return `${what} cannot reach ${w.target.name} on ${flowPorts(w.protocol, gap.ports)}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}.${fix ? ` Fix: ${fix}.` : ''}`;
}
function requiredFlowMessage(w, v) {
    const ports = flowPorts(w.protocol, w.ports);
    switch (v.status) {
        case 'pass':
            return v.allowedBy.length > 0
                ? `${describeSourceAddresses(w.source)} reaches ${w.target.name} on ${ports}${v.through.length > 0 ? ` through ${v.through.join(', ')}` : ''}: allowed by ${describeOrigins(v.allowedBy, 4)}.`
                : `${describeSourceAddresses(w.source)} reaches ${w.target.name} on ${ports}: nothing filters this traffic.`;
        case 'fail':
            return v.gaps.map((g) => describeGap(w, g)).join(' ');
        default:
            return `Cannot decide whether ${describeSourceAddresses(w.source)} reaches ${w.target.name} on ${ports}: ${v.unknowns.join('; ')}.`;
    }
}
function forbiddenFlowMessage(w, v, everythingLabel) {
    const ports = flowPorts(w.protocol, w.ports);
    switch (v.status) {
        case 'pass':
            return `${w.target.name} does not accept ${ports} from ${w.source.name}.`;
        case 'fail': {
            const need = possibleAddresses(w.source);
            const parts = v.exposed.map((e) => `${flowPorts(w.protocol, e.ports)} from ${describeSubset(e.addresses, need, everythingLabel, w.source.name).text}`);
            const through = v.through.length > 0 ? ` (through ${v.through.join(', ')})` : '';
            if (v.allowedBy.length === 0) {
                return `${w.target.name} accepts ${parts.join('; ')}${through}: nothing filters this traffic (no firewall, security group or NSG applies to it). Fix: put a filter in front of ${w.target.name} that does not open these ports to ${w.source.name}.`;
            }
            return `${w.target.name} accepts ${parts.join('; ')}${through}: allowed by ${describeOrigins(v.allowedBy)}. Fix: restrict these rules to the addresses that need them, or remove them.`;
        }
        default:
            return `Cannot decide whether ${w.target.name} accepts ${ports} from ${w.source.name}: ${v.unknowns.join('; ')}.`;
    }
}

;// CONCATENATED MODULE: ./src/core/checks/endpoint-selector.ts

const endpoint_selector_name = { type: 'string', minLength: 1, maxLength: 200 };
const sourceSelectorSchema = {
    type: 'object',
    minProperties: 1,
    maxProperties: 1,
    additionalProperties: false,
    properties: {
        client: endpoint_selector_name,
        role: endpoint_selector_name,
        server: endpoint_selector_name,
        cidrs: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    },
    'x-hint': 'Write one of { client: NAME }, { role: NAME }, { server: NAME } or { cidrs: [CIDR, ...] }.',
};
const targetSelectorSchema = {
    type: 'object',
    minProperties: 1,
    maxProperties: 1,
    additionalProperties: false,
    properties: { role: endpoint_selector_name, server: endpoint_selector_name, any: { const: true } },
    'x-hint': 'Write one of { role: NAME }, { server: NAME } or { any: true }.',
};
function describeSource(sel) {
    if ('client' in sel)
        return sel.client;
    if ('role' in sel)
        return `role:${sel.role}`;
    if ('server' in sel)
        return sel.server;
    return sel.cidrs.join(', ');
}
function describeTarget(sel) {
    if ('role' in sel)
        return `role:${sel.role}`;
    if ('server' in sel)
        return sel.server;
    return 'any server';
}
const clientSources = new WeakMap();
/** One source object per client, so what the flow engine caches per source is reused. */
function clientSource(client) {
    let source = clientSources.get(client);
    if (!source) {
        source = { name: client.name, kind: 'client', addresses: client.addresses, addressesExact: true, identities: [], egress: [] };
        clientSources.set(client, source);
    }
    return source;
}
/** The concrete sources a selector names in one environment. */
function resolveSources(env, sel) {
    if ('client' in sel) {
        const client = env.clients.get(sel.client);
        if (!client) {
            return { ok: false, reason: `environment "${env.name}" declares no client "${sel.client}": add it under "clients:" with its CIDRs` };
        }
        return { ok: true, sources: [clientSource(client)] };
    }
    if ('cidrs' in sel) {
        const parsed = sel.cidrs.map((c) => parseCidr(c));
        const values = parsed.flatMap((p) => (p.ok ? [p.value] : []));
        return { ok: true, sources: [{ name: sel.cidrs.join(', '), kind: 'client', addresses: AddressSet.fromParsed(values), addressesExact: true, identities: [], egress: [] }] };
    }
    return { ok: true, sources: resolveServers(env, 'role' in sel ? { role: sel.role } : { server: sel.server }) };
}
const byRole = new WeakMap();
/** Whether a server holds a role for certain: among its roles, and not in doubt until apply. */
function holdsRole(s, role) {
    return s.roles.includes(role) && s.roleDoubts?.[role] === undefined;
}
/** The servers a selector names; by role from an index built once per environment. */
function resolveServers(env, sel) {
    if ('any' in sel)
        return [...env.servers];
    if ('role' in sel) {
        let index = byRole.get(env);
        if (!index) {
            index = new Map();
            for (const s of env.servers) {
                for (const r of new Set(s.roles)) {
                    if (!holdsRole(s, r))
                        continue;
                    const list = index.get(r);
                    if (list)
                        list.push(s);
                    else
                        index.set(r, [s]);
                }
            }
            byRole.set(env, index);
        }
        return index.get(sel.role) ?? [];
    }
    return env.servers.filter((s) => s.name === sel.server);
}
/** Why `s` may hold `role` though the model does not know it to; undefined when it cannot, or holds it for certain. */
function roleDoubt(s, role) {
    const doubt = s.roleDoubts?.[role];
    if (doubt !== undefined)
        return doubt;
    if (s.roles.includes(role) || s.rolesUnknown === undefined)
        return undefined;
    return s.possibleRoles === undefined || s.possibleRoles.includes(role) ? s.rolesUnknown : undefined;
}
/** Whether a server may hold some role beyond those it holds for certain. */
const mayGainRoles = (s) => s.rolesUnknown !== undefined || s.roleDoubts !== undefined;
const rolesUnknownOf = new WeakMap();
/** The servers of an environment whose roles are not all known, found once per environment. */
function withRolesUnknown(env) {
    let list = rolesUnknownOf.get(env);
    if (!list)
        rolesUnknownOf.set(env, (list = env.servers.filter(mayGainRoles)));
    return list;
}
/**
 * What is not known about `s` in words: `whether aws_instance.ctl belongs to "prod" and holds
 * role front-end or controller (tags of aws_instance.ctl are not known until apply)`.
 */
function describeDoubt(env, s, membership, roles) {
    const what = [];
    const why = [];
    if (membership && s.membershipUnknown !== undefined) {
        what.push(`belongs to "${env.name}"`);
        why.push(s.membershipUnknown);
    }
    if (roles.length > 0) {
        what.push(`holds role ${roles.join(' or ')}`);
        for (const r of roles) {
            const reason = roleDoubt(s, r);
            if (reason !== undefined && !why.includes(reason))
                why.push(reason);
        }
    }
    return `whether ${s.name} ${what.join(' and ')} (${why.join('; ')})`;
}
/** `s` as a possible server of a selector naming `roles` (any server when absent) in `env`; undefined when it is selected for certain, or cannot be. */
function possibleOf(env, s, roles) {
    const holds = roles === undefined || roles.some((r) => holdsRole(s, r));
    const mayHold = holds ? [] : roles.filter((r) => roleDoubt(s, r) !== undefined);
    if (!holds && mayHold.length === 0)
        return undefined;
    const membership = s.membershipUnknown !== undefined;
    if (!membership && mayHold.length === 0)
        return undefined;
    return { server: s, membership, roles: mayHold, doubt: describeDoubt(env, s, membership, mayHold) };
}
/**
 * The servers a selector may also name, beyond `resolveServers`: servers whose roles are not
 * known until apply (for a role), and servers that may belong to the environment.
 */
function possibleServers(env, sel) {
    if ('client' in sel || 'cidrs' in sel)
        return [];
    const out = [];
    const add = (s, roles) => {
        const p = possibleOf(env, s, roles);
        if (p !== undefined)
            out.push(p);
    };
    const maybe = env.possibleServers ?? [];
    if ('server' in sel) {
        for (const s of maybe)
            if (s.name === sel.server)
                add(s, undefined);
    }
    else if ('role' in sel || ('roles' in sel && sel.roles !== undefined)) {
        const roles = 'role' in sel ? [sel.role] : sel.roles;
        for (const s of withRolesUnknown(env))
            add(s, roles);
        for (const s of maybe)
            add(s, roles);
    }
    else {
        for (const s of maybe)
            add(s, undefined);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/checks/required-flow.ts






const flowParamsSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'from', 'to', 'ports'],
    properties: {
        type: { type: 'string' },
        from: sourceSelectorSchema,
        to: targetSelectorSchema,
        protocol: { enum: ['tcp', 'udp'] },
        ports: {
            anyOf: [
                { const: 'database' },
                {
                    type: 'array',
                    minItems: 1,
                    items: {
                        anyOf: [{ type: 'integer', minimum: 0, maximum: 65535 }, { type: 'string', pattern: '^\\s*\\d{1,5}\\s*(-\\s*\\d{1,5}\\s*)?$' }],
                        'x-hint': 'A port is a whole number from 0 to 65535, or a quoted range of two such numbers ("8000-8080").',
                    },
                },
            ],
            'x-hint': 'Write a list of ports and quoted ranges ([443], ["8000-8080"]) or `database` for the target database\'s port.',
        },
    },
};
const DATABASE_DEFAULT_PORTS = { sqlserver: 1433, oracle: 1521 };
const listedPorts = new WeakMap();
/** The ports a flow check asks for on one target, or why they are not known. */
function portsFor(params, target) {
    if (params.ports !== 'database') {
        let set = listedPorts.get(params);
        if (!set) {
            const sets = [];
            for (const spec of params.ports) {
                const r = parsePortSpec(spec);
                if (r.ok)
                    sets.push(r.value);
            }
            set = PortSet.unionOf(sets);
            listedPorts.set(params, set);
        }
        return { ok: true, ports: set };
    }
    if (target.port !== undefined)
        return { ok: true, ports: PortSet.of(target.port) };
    const port = target.engine !== undefined ? DATABASE_DEFAULT_PORTS[target.engine] : undefined;
    if (port !== undefined)
        return { ok: true, ports: PortSet.of(port) };
    // A server whose roles are unknown may turn out a database: then its missing engine is what to say.
    const mayBeDatabase = target.roles.includes('database') || (target.rolesUnknown !== undefined && (target.possibleRoles === undefined || target.possibleRoles.includes('database')));
    return {
        ok: false,
        reason: target.engine !== undefined
            ? `database ${target.name} runs engine "${target.engine}", whose port topogate does not know: declare "port"`
            : mayBeDatabase
                ? `database ${target.name} declares neither "engine" (sqlserver | oracle) nor "port", so its port is not known`
                : `ports: database asks for each target's database port, and ${target.name} is not a database (it does not hold role database): list the ports, or select databases with to: { role: database }`,
    };
}
/**
 * Past this many (source, target) pairs for one policy in one environment (a role talking
 * to itself across a farm of hundreds is N²), passing pairs are counted in one finding and
 * only the first failing and undecided ones are listed: the run stays bounded in memory
 * and the report readable.
 */
const MAX_LISTED_PAIRS = 10_000;
/** The (source, target) pairs a flow check covers, counted (not built); a server is never its own source. */
function flowPairs(env, params) {
    const fromLabel = describeSource(params.from);
    const toLabel = describeTarget(params.to);
    const subject = `${fromLabel} -> ${toLabel}`;
    const none = { sources: [], targets: [], possibleSources: [], possibleTargets: [], count: 0, knownCount: 0 };
    const resolved = resolveSources(env, params.from);
    if (!resolved.ok)
        return { ...none, skipped: { status: 'unknown', subject, message: `Cannot check ${subject}: ${resolved.reason}.`, location: env.location } };
    const targets = resolveServers(env, params.to);
    const possibleTargets = possibleServers(env, params.to);
    if (targets.length === 0 && possibleTargets.length === 0) {
        return { ...none, skipped: { status: 'pass', subject, message: `Nothing to check: no server in "${env.name}" matches ${toLabel}.`, location: env.location } };
    }
    const sources = resolved.sources;
    const possibleSources = possibleServers(env, params.from);
    if (sources.length === 0 && possibleSources.length === 0) {
        return { ...none, skipped: { status: 'pass', subject, message: `Nothing to check: no server in "${env.name}" matches ${fromLabel}.`, location: env.location } };
    }
    const knownTargetNames = new Set(targets.map((t) => t.name));
    const targetNames = new Set([...knownTargetNames, ...possibleTargets.map((t) => t.server.name)]);
    const selfPairs = sources.filter((s) => s.kind !== 'client' && targetNames.has(s.name)).length + possibleSources.filter((s) => targetNames.has(s.server.name)).length;
    const count = (sources.length + possibleSources.length) * (targets.length + possibleTargets.length) - selfPairs;
    const knownCount = sources.length * targets.length - sources.filter((s) => s.kind !== 'client' && knownTargetNames.has(s.name)).length;
    if (count === 0) {
        const only = targets[0] ?? possibleTargets[0].server;
        const verb = targets.length > 0 && sources.length > 0 ? 'matches' : 'may match';
        const matches = fromLabel === toLabel ? `${verb} ${toLabel}` : `${verb} both ${fromLabel} and ${toLabel}`;
        return { sources, targets, possibleSources, possibleTargets, count, knownCount, skipped: { status: 'pass', subject, message: `Nothing to check: only one server (${only.name}) ${matches}, and a server is not its own source.`, location: only.location } };
    }
    return { sources, targets, possibleSources, possibleTargets, count, knownCount };
}
/** How many other servers in doubt a server in doubt pairs with (those pairs are not evaluated), and a few of their names. */
function uncheckedPartners(d, plan, inBoth) {
    const count = d.asSource && d.asTarget
        ? plan.possibleSources.length + plan.possibleTargets.length - inBoth - 1
        : d.asTarget ? plan.possibleSources.length : plan.possibleTargets.length;
    const names = [];
    const seen = new Set([d.server.name]);
    const lists = [...(d.asTarget ? [plan.possibleSources] : []), ...(d.asSource ? [plan.possibleTargets] : [])];
    for (const list of lists) {
        for (const p of list) {
            if (names.length >= 3)
                break;
            if (seen.has(p.server.name))
                continue;
            seen.add(p.server.name);
            names.push(p.server.name);
        }
    }
    return { count, names };
}
/**
 * One finding per server in doubt: a pair the model does not know to exist passes either
 * way when it passes; what would fail, or cannot be decided, is unknown until apply, placed
 * on the server whose tags decide it. Pairs whose both ends are in doubt are not evaluated
 * one by one (every server of a plan may have roles unknown until apply: that is N² pairs
 * for each policy), only counted: the finding is unknown and says so.
 */
function doubtfulOutcomes(env, plan, subjectOf, evaluatePair, fromLabel, toLabel) {
    const byServer = new Map();
    const entry = (server) => {
        let d = byServer.get(server);
        if (!d)
            byServer.set(server, (d = { server, sourcePairs: 0, targetPairs: 0, notPassing: 0 }));
        return d;
    };
    const record = (d, pair, doubt) => {
        const outcome = evaluatePair(pair.source, pair.target);
        if (outcome.status !== 'pass')
            d.notPassing++;
        if (!d.first || (outcome.status !== 'pass' && d.first.outcome.status === 'pass'))
            d.first = { subject: subjectOf(pair, fromLabel), outcome, doubt };
    };
    for (const p of plan.possibleTargets) {
        const d = entry(p.server);
        d.asTarget = p;
        for (const source of plan.sources) {
            if (source.kind !== 'client' && source.name === p.server.name)
                continue;
            d.targetPairs++;
            record(d, { source, target: p.server }, p.doubt);
        }
    }
    for (const p of plan.possibleSources) {
        const d = entry(p.server);
        d.asSource = p;
        for (const target of plan.targets) {
            if (target.name === p.server.name)
                continue;
            d.sourcePairs++;
            record(d, { source: p.server, target }, p.doubt);
        }
    }
    let inBoth = 0;
    for (const d of byServer.values())
        if (d.asSource && d.asTarget)
            inBoth++;
    const outcomes = [];
    for (const d of byServer.values()) {
        const unchecked = uncheckedPartners(d, plan, inBoth);
        const pairs = d.sourcePairs + d.targetPairs;
        if (pairs === 0 && unchecked.count === 0)
            continue;
        if (pairs === 1 && unchecked.count === 0 && d.first) {
            // One pair: its own finding, as any other pair's.
            const { subject, outcome, doubt } = d.first;
            outcomes.push(outcome.status === 'pass' ? { subject, status: 'pass', message: outcome.message(), location: outcome.location } : { subject, status: 'unknown', message: `Cannot decide until apply ${doubt}. If so: ${outcome.message()}`, location: d.server.location });
            continue;
        }
        // Which ends it may be, counting only those with pairs; the doubt names the roles of both.
        const asSource = d.asSource && (d.sourcePairs > 0 || plan.possibleTargets.some((p) => p.server !== d.server)) ? d.asSource : undefined;
        const asTarget = d.asTarget && (d.targetPairs > 0 || plan.possibleSources.some((p) => p.server !== d.server)) ? d.asTarget : undefined;
        const name = d.server.name;
        const subject = asSource && asTarget ? (fromLabel === toLabel ? `${name} <-> ${toLabel}` : `${fromLabel} -> ${name} -> ${toLabel}`) : asSource ? `${name} -> ${toLabel}` : `${fromLabel} -> ${name}`;
        const doubt = asSource && asTarget && asSource.doubt !== asTarget.doubt
            ? describeDoubt(env, d.server, asSource.membership || asTarget.membership, [...new Set([...asSource.roles, ...asTarget.roles])])
            : (asSource ?? asTarget ?? d.asSource ?? d.asTarget).doubt;
        if (d.notPassing === 0 && unchecked.count === 0) {
            outcomes.push({ subject, status: 'pass', message: `All ${pairs} pairs of ${name} pass, so it does not matter ${doubt}. The first: ${d.first?.outcome.message()}`, location: d.server.location });
            continue;
        }
        const parts = [];
        const known = (n) => (n === 1 ? 'its one pair with a server known to match' : `its ${n} pairs with servers known to match`);
        if (d.notPassing > 0)
            parts.push(pairs === 1 ? `${known(1)} would not pass: ${d.first?.outcome.message()}` : `${d.notPassing} of ${known(pairs)} would not pass; the first: ${d.first?.outcome.message()}`);
        else if (pairs > 0)
            parts.push(`${known(pairs)} ${pairs === 1 ? 'passes' : 'pass'}.`);
        if (unchecked.count > 0) {
            const names = `${unchecked.names.join(', ')}${unchecked.count > unchecked.names.length ? ` and ${unchecked.count - unchecked.names.length} more` : ''}`;
            const one = unchecked.count === 1;
            const them = one ? `its pair with one other server that may match too (${names}) is` : `its pairs with ${unchecked.count} other servers that may match too (${names}) are`;
            const sentence = `${them} not checked: ${one ? 'that server\'s' : 'their'} roles or environment are not known until apply either.`;
            parts.push(parts.length > 0 ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence);
        }
        outcomes.push({ subject, status: 'unknown', message: `Cannot decide until apply ${doubt}. If so: ${parts.join(' ')}`, location: d.server.location });
    }
    return outcomes;
}
function failLocation(target, verdict) {
    const at = (blocks) => {
        for (const b of blocks) {
            if (b.deniedBy.length > 0)
                return b.deniedBy[0].location;
            if (b.layer.fixLocation)
                return b.layer.fixLocation;
        }
        return undefined;
    };
    for (const gap of verdict.gaps) {
        // With a balancer in front, the fix the message proposes is on its failing hop: the finding goes there.
        for (const p of gap.paths) {
            const found = at(p.front.status !== 'pass' ? p.front.blocks : p.back.blocks);
            if (found)
                return found;
        }
        const found = at(gap.blockedAt);
        if (found)
            return found;
    }
    return target.location;
}
/**
 * The shared loop of the flow checks: every (source, target) pair with its ports and
 * reach, balancer paths included for client sources, judged by `judge`.
 */
function evaluateFlowPairs(env, params, listenerMatch, subjectOf, judge, options = {}) {
    const plan = flowPairs(env, params);
    if (plan.skipped)
        return [plan.skipped];
    const protocol = params.protocol ?? 'tcp';
    const fromLabel = describeSource(params.from);
    const toLabel = describeTarget(params.to);
    const evaluatePair = (source, target) => {
        const ports = portsFor(params, target);
        if (!ports.ok)
            return { status: 'unknown', message: () => `Cannot decide whether ${source.name} reaches ${target.name}: ${ports.reason}.`, location: target.location };
        const direct = reachOnPorts(source, target, protocol, ports.ports, options);
        const segments = source.kind === 'client' ? withBalancerPaths(env, source, target, protocol, direct, listenerMatch, options) : direct;
        return judge({ source, target, protocol, ports: ports.ports, segments, fromLabel, toLabel });
    };
    const count = plan.knownCount;
    const outcomes = [];
    const large = count > MAX_LISTED_PAIRS;
    let passes = 0;
    const beyond = { fail: 0, unknown: 0 };
    for (const target of plan.targets) {
        for (const source of plan.sources) {
            if (source.kind !== 'client' && source.name === target.name)
                continue;
            const outcome = evaluatePair(source, target);
            if (large && outcome.status === 'pass')
                passes++;
            else if (large && outcomes.length >= MAX_LISTED_PAIRS)
                beyond[outcome.status === 'fail' ? 'fail' : 'unknown']++;
            else
                outcomes.push({ subject: subjectOf({ source, target }, fromLabel), status: outcome.status, message: outcome.message(), location: outcome.location });
        }
    }
    if (large) {
        const subject = `${fromLabel} -> ${toLabel}`;
        const note = `"${env.name}" has ${count} (source, target) pairs for this policy; past ${MAX_LISTED_PAIRS}, passing pairs are counted rather than listed`;
        if (passes > 0)
            outcomes.push({ status: 'pass', subject, message: `${passes} of ${count} pairs pass (${note}).`, location: env.location });
        // The subjects do not carry the counts: a waiver of the rest keeps matching as the farm grows.
        if (beyond.fail > 0)
            outcomes.push({ status: 'fail', subject: `${subject} (failing pairs past the first ${MAX_LISTED_PAIRS})`, message: `${beyond.fail} more pairs fail beyond the ${MAX_LISTED_PAIRS} listed (${note}); fix those listed and run again.`, location: env.location });
        if (beyond.unknown > 0)
            outcomes.push({ status: 'unknown', subject: `${subject} (undecided pairs past the first ${MAX_LISTED_PAIRS})`, message: `${beyond.unknown} more pairs cannot be decided beyond the ${MAX_LISTED_PAIRS} listed (${note}).`, location: env.location });
    }
    // Servers that may be sources or targets (rarely any): one finding each.
    if (plan.possibleSources.length > 0 || plan.possibleTargets.length > 0)
        for (const o of doubtfulOutcomes(env, plan, subjectOf, evaluatePair, fromLabel, toLabel))
            outcomes.push(o);
    return outcomes;
}
const requiredFlow = {
    type: 'required-flow',
    description: 'Every address of the source reaches every matching target on every listed port (ingress on the target, egress on the source where the model has egress rules).',
    schema: flowParamsSchema,
    docs: [
        '`from`: `{ client: NAME }`, `{ role: NAME }`, `{ server: NAME }` or `{ cidrs: [...] }`.',
        '`to`: `{ role: NAME }`, `{ server: NAME }` or `{ any: true }`.',
        '`protocol`: `tcp` (default) or `udp`; a rule for `all` covers both, a `udp` rule never covers `tcp`.',
        '`ports`: a list of ports and `"from-to"` ranges, or `database` for each target\'s database port (its `port`, else 1433 for sqlserver and 1521 for oracle).',
        'Coverage is exact: `0.0.0.0/0` is covered only by openings that together cover all of it. One finding per (source, target) pair; a server is not its own source. Where the network rules are unknown the finding is `unknown`, never `pass`.',
        'A client also reaches a target through a load balancer: a listener on the required port that forwards to the target, when the client reaches the listener and the balancer reaches the target on the listener\'s target port (or, for a balancer that keeps client addresses, the client does). The finding names both hops.',
        'Stateless filters (AWS network ACLs) must also let the responses back: from the target to the source on the ephemeral ports 1024-65535, out of the target\'s subnet and into the source\'s. Responses that get back on only part of that range make the finding `unknown` (it depends on the port the client picks).',
    ].join('\n\n'),
    check(env, params) {
        // Clients may come in through a balancer: a listener on the required port counts.
        return evaluateFlowPairs(env, params, 'listener-port', (pair) => `${pair.source.name} -> ${pair.target.name}`, (ctx) => {
            const verdict = requiredFlowVerdict(ctx.source, ctx.segments);
            const location = verdict.status === 'pass' ? (verdict.allowedBy[0]?.location ?? ctx.target.location) : verdict.status === 'fail' ? failLocation(ctx.target, verdict) : ctx.target.location;
            return { status: verdict.status, message: () => requiredFlowMessage(ctx, verdict), location };
            // A connection needs its responses: through stateless filters they are checked too.
        }, { responses: true });
    },
};

;// CONCATENATED MODULE: ./src/core/checks/forbidden-flow.ts



const forbiddenFlow = {
    type: 'forbidden-flow',
    description: 'No address of the source reaches a matching target on any listed port.',
    schema: flowParamsSchema,
    docs: [
        'Same parameters as `required-flow`. The finding fails when some address of `from` certainly gets through on some port, naming the addresses and the rules that let them in; it is `unknown` when some may.',
        'The built-in client `internet` is the public address space: `0.0.0.0/0` and `::/0` without the private and special-purpose ranges (RFC 1918, RFC 6598, loopback, link-local, unique-local, multicast), so a rule from the controller\'s private address is not "open to the internet" but a rule from `0.0.0.0/0` is.',
    ].join('\n\n'),
    check(env, params) {
        // A balancer listener that forwards to a forbidden port exposes it too, whatever port it listens on.
        return evaluateFlowPairs(env, params, 'target-port', (pair, fromLabel) => `${fromLabel} -> ${pair.target.name}`, (ctx) => {
            const verdict = forbiddenFlowVerdict(ctx.source, ctx.segments);
            const everything = () => (ctx.source.addresses.toCidrs().length <= 3 ? `${ctx.fromLabel} (${ctx.source.addresses.describe()})` : ctx.fromLabel);
            const location = verdict.status === 'fail' ? (verdict.allowedBy[0]?.location ?? ctx.target.location) : ctx.target.location;
            return { status: verdict.status, message: () => forbiddenFlowMessage(ctx, verdict, everything()), location };
            // Whether it can get in at all: through any node of a balancer, say.
        }, { exposure: true });
    },
};

;// CONCATENATED MODULE: ./src/core/report/name-list.ts
/**
 * Names in a sentence: `a, b and c`. Past `max` names, the first `max` and how many more
 * (`a, b, c and 5 more`), so a message about thousands of servers stays short. `last: ', '`
 * joins the last name with a comma too (`a, b, c`), for a list in parentheses.
 */
function nameList(names, options = {}) {
    const max = options.max ?? Infinity;
    if (names.length > max)
        return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
    if (names.length <= 1)
        return names[0] ?? '';
    return `${names.slice(0, -1).join(', ')}${options.last ?? ' and '}${names[names.length - 1]}`;
}

;// CONCATENATED MODULE: ./src/core/checks/same-provider.ts


const placementSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['type'],
    properties: {
        type: { type: 'string' },
        roles: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    },
};
/** The servers known to be selected: of the environment for certain, holding one of `roles` for certain. */
function serversOf(env, roles) {
    return roles ? env.servers.filter((s) => roles.some((r) => holdsRole(s, r))) : [...env.servers];
}
/** At most this many names in a message; the rest are counted. */
const LISTED_NAMES = 8;
/** At most this many doubts (each naming a server and an attribute) in a message. */
const LISTED_DOUBTS = 3;
const list = (names) => nameList(names, { max: LISTED_NAMES, last: ', ' });
/** What the servers that may be selected would add, value by value: `a, b and 3 more run under azure; c runs under gcp`. */
function oddRuns(odd, attribute) {
    const byValue = new Map();
    for (const p of odd) {
        const value = p.server[attribute];
        const names = byValue.get(value);
        if (names)
            names.push(p.server.name);
        else
            byValue.set(value, [p.server.name]);
    }
    return [...byValue.entries()]
        .map(([value, names]) => (value === undefined ? `no ${attribute} is known for ${nameList(names, { max: LISTED_NAMES })}` : `${nameList(names, { max: LISTED_NAMES })} ${names.length === 1 ? 'runs' : 'run'} under ${value}`))
        .join('; ');
}
/**
 * All selected servers share one value of an attribute (provider, region). One finding
 * per environment, naming each value with its servers, placed on the first server that
 * differs from the most common value.
 */
function sameAttribute(env, params, attribute, locationOf) {
    const servers = serversOf(env, params.roles);
    // Servers that may be among them: roles or environment not known until apply.
    const possible = possibleServers(env, { roles: params.roles });
    const scope = params.roles ? `servers with role ${params.roles.join(' or ')}` : 'servers';
    const subject = env.name;
    if (servers.length === 0 && possible.length === 0)
        return [{ status: 'pass', subject, message: `Nothing to check: no ${scope} in "${env.name}".`, location: env.location }];
    const groups = new Map();
    const missing = [];
    for (const s of servers) {
        const value = s[attribute];
        if (value === undefined)
            missing.push(s);
        else {
            const group = groups.get(value);
            if (group)
                group.push(s);
            else
                groups.set(value, [s]);
        }
    }
    const ranked = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] === env[attribute] ? -1 : b[0] === env[attribute] ? 1 : a[0] < b[0] ? -1 : 1));
    const describe = () => ranked.map(([value, ss]) => `${value} (${list(ss.map((s) => s.name))})`).join('; ');
    if (ranked.length > 1) {
        const odd = ranked[1][1][0];
        return [{
                status: 'fail',
                subject,
                message: `The ${scope} of "${env.name}" run under ${ranked.length} ${attribute}s: ${describe()}. Move them under one ${attribute}${attribute === 'provider' ? ' so that traffic between them stays on one network' : ''}.`,
                location: locationOf(odd),
            }];
    }
    if (missing.length > 0) {
        return [{
                status: 'unknown',
                subject,
                message: `Cannot decide: no ${attribute} is known for ${list(missing.map((s) => s.name))}${ranked.length === 1 ? ` (the others run under ${ranked[0][0]})` : ''}. Set "${attribute}" on the environment or on these servers.`,
                location: missing[0].location,
            }];
    }
    // One value among the servers known to be selected (or none of them): those that may be selected too must share it.
    const value = ranked[0]?.[0] ?? possible.find((p) => p.server[attribute] !== undefined)?.server[attribute];
    const odd = [];
    const same = [];
    for (const p of possible) {
        if (p.server[attribute] === undefined || p.server[attribute] !== value)
            odd.push(p);
        else
            same.push(p.server.name);
    }
    if (odd.length > 0) {
        const others = servers.length > 0 ? `, while the other ${scope} run under ${value}` : same.length > 0 ? `, while ${list(same)} ${same.length === 1 ? 'runs' : 'run'} under ${value}` : '';
        const doubts = odd.slice(0, LISTED_DOUBTS).map((p) => p.doubt).join(' and ');
        const more = odd.length > LISTED_DOUBTS ? `, and the same of ${odd.length - LISTED_DOUBTS} more servers` : '';
        return [{
                status: 'unknown',
                subject,
                message: `Cannot decide until apply ${doubts}${more}. If so: ${oddRuns(odd, attribute)}${others}.`,
                location: locationOf(odd[0].server),
            }];
    }
    if (servers.length === 0) {
        const names = possible.map((p) => p.server.name);
        return [{ status: 'pass', subject, message: `None of the ${scope} of "${env.name}" is known for certain; ${list(names)}, which may be among them, ${names.length === 1 ? 'runs' : 'run'} under ${attribute} ${value}.`, location: env.location }];
    }
    const maybe = possible.length > 0 ? ` (so ${possible.length === 1 ? 'does' : 'do'} ${list(possible.map((p) => p.server.name))}, which may be among them)` : '';
    return [{ status: 'pass', subject, message: `All ${servers.length} ${scope} of "${env.name}" run under ${attribute} ${ranked[0][0]}${maybe}.`, location: env.location }];
}
const sameProvider = {
    type: 'same-provider',
    description: 'All servers of the environment (optionally only those of the given roles) run under one provider.',
    schema: placementSchema,
    docs: '`roles` (optional): only servers holding one of these roles. The finding names each provider with its servers and sits on the first server whose provider differs from the most common one. A server whose provider is not known makes the finding `unknown`.',
    check: (env, params) => sameAttribute(env, params, 'provider', (s) => s.providerLocation ?? s.location),
};

;// CONCATENATED MODULE: ./src/core/checks/same-region.ts

const sameRegion = {
    type: 'same-region',
    description: 'All servers of the environment (optionally only those of the given roles) run in one region: the stricter form of same-provider, for latency-sensitive roles.',
    schema: placementSchema,
    docs: '`roles` (optional): only servers holding one of these roles. The finding names each region with its servers. A server whose region is not known makes the finding `unknown`.',
    check: (env, params) => sameAttribute(env, params, 'region', (s) => s.location),
};

;// CONCATENATED MODULE: ./src/core/checks/index.ts




/** Every check type a policy can name, by its `type`. */
const CHECK_TYPES = new Map([requiredFlow, forbiddenFlow, sameProvider, sameRegion].map((c) => [c.type, c]));

;// CONCATENATED MODULE: ./src/core/policy/policy-names.ts

/** The names in a validated `check:` mapping: the ends of a flow, and a placement check's roles. */
function namesInCheck(check, at) {
    const names = [];
    for (const end of ['from', 'to']) {
        const sel = check[end];
        if (sel === null || typeof sel !== 'object')
            continue;
        for (const kind of ['client', 'role', 'server']) {
            const name = sel[kind];
            if (typeof name === 'string')
                names.push({ kind, name, location: at(['check', end, kind]) });
        }
    }
    if (Array.isArray(check.roles)) {
        check.roles.forEach((name, i) => {
            if (typeof name === 'string')
                names.push({ kind: 'role', name, location: at(['check', 'roles', i]) });
        });
    }
    return names;
}
/** The roles topogate gives servers by itself (and the built-in pack names): never a typo. */
const MODEL_ROLES = ['controller', 'front-end', 'database', 'cache-invalidation'];
function known(environments, defaultClients) {
    const k = { clients: new Set(defaultClients), roles: new Set(), anyRole: false, servers: new Set(), balancers: new Set() };
    for (const env of environments) {
        for (const name of env.clients.keys())
            k.clients.add(name);
        for (const s of [...env.servers, ...(env.possibleServers ?? [])]) {
            k.servers.add(s.name);
            for (const r of s.roles)
                k.roles.add(r);
            if (s.rolesUnknown !== undefined) {
                if (s.possibleRoles)
                    for (const r of s.possibleRoles)
                        k.roles.add(r);
                else
                    k.anyRole = true;
            }
        }
        for (const lb of env.loadBalancers)
            k.balancers.add(lb.name);
    }
    return k;
}
const normal = (s) => s.toLowerCase().replace(/[-_.\s]/g, '');
const numbers = (s) => (s.match(/\d+/g) ?? []).join(',');
/**
 * The known name a written one is a slip of: the same but for case and separators, or
 * one letter off (added, dropped, changed, or two swapped) in a name of three or more,
 * with the same numbers (`fe-3` is a server of its own, not a slip for `fe-1`). Stricter
 * than "did you mean": a role no server holds is often meant (a shared pack names roles
 * some repositories lack), so only a near miss is taken for a typo.
 */
function nearMiss(word, candidates) {
    const w = normal(word);
    let best;
    for (const c of candidates) {
        const n = normal(c);
        if (n === w)
            return c;
        if (best === undefined && Math.min(w.length, n.length) >= 3 && numbers(w) === numbers(n) && editDistance(w, n) <= 1)
            best = c;
    }
    return best;
}
const sorted = (s) => [...s].sort();
/**
 * Problems with the names `policies` use, given the environments built from the inputs.
 * A client no pack and no environment declares can never be checked: always a problem. A
 * role or server nothing holds is one only when it nearly matches one that exists.
 */
function policyNameProblems(policies, environments, defaultClients) {
    const k = known(environments, defaultClients);
    const problems = [];
    const roles = new Set([...k.roles, ...MODEL_ROLES]);
    const off = (id, what) => `If the pack means a ${what} this repository does not have, turn ${id} off with an override (overrides: [{ policy: ${id}, severity: off, reason: ... }] in a topology file).`;
    /** What a name is where it is not what the policy says: a role written as a server, say. */
    const otherKind = (n) => {
        const kinds = [
            ['server', k.servers.has(n.name)],
            ['client', k.clients.has(n.name)],
            ['role', roles.has(n.name)],
            ['load balancer', k.balancers.has(n.name)],
        ];
        return kinds.find(([kind, is]) => is && kind !== n.kind)?.[0];
    };
    for (const p of policies) {
        for (const n of p.names ?? []) {
            const held = n.kind === 'client' ? k.clients.has(n.name) : n.kind === 'role' ? roles.has(n.name) || k.anyRole : k.servers.has(n.name);
            if (held)
                continue;
            const other = otherKind(n);
            if (other) {
                const fix = other === 'load balancer'
                    ? 'A policy selects servers and clients; a flow through a balancer is checked from the client to the servers behind it.'
                    : `Write { ${other}: ${n.name} }${other === 'client' ? ' (a client can only be a source, in from)' : ''}.`;
                problems.push({ ...n.location, message: `policy ${p.id} names ${n.kind} "${n.name}", but "${n.name}" is a ${other} here, so the policy would not check what it means. ${fix} ${off(p.id, n.kind)}` });
            }
            else if (n.kind === 'client') {
                const s = nearMiss(n.name, k.clients);
                problems.push({
                    ...n.location,
                    message: `policy ${p.id} names client "${n.name}", which no loaded pack (pack.yaml clients:) and no topology environment (clients:) declares, so it can never be checked.${s ? ` Did you mean "${s}"?` : ` Known clients: ${sorted(k.clients).join(', ')}.`} Otherwise declare "${n.name}" with its CIDRs in the pack's pack.yaml or in the topology. ${off(p.id, 'client')}`,
                });
            }
            else {
                // A role or server nothing holds: a problem only for a near miss (a shared pack may name ones this repository lacks).
                const s = nearMiss(n.name, n.kind === 'role' ? roles : k.servers);
                const what = n.kind === 'role' ? 'which no server holds' : 'which no environment has';
                if (s)
                    problems.push({ ...n.location, message: `policy ${p.id} names ${n.kind} "${n.name}", ${what}, so the policy checks nothing; did you mean "${s}"? ${off(p.id, n.kind)}` });
            }
        }
    }
    // The other way round: a server's role that no policy names but that nearly matches one
    // that a policy does (`controler`, `Controller`) leaves that policy checking nothing.
    const named = new Set(MODEL_ROLES);
    for (const p of policies)
        for (const n of p.names ?? [])
            if (n.kind === 'role')
                named.add(n.name);
    const said = new Set();
    for (const env of environments) {
        for (const server of env.servers) {
            for (const role of server.roles) {
                if (named.has(role))
                    continue;
                const meant = nearMiss(role, named);
                // A policy's name held by no server is reported from the policy's side (above), once.
                if (meant === undefined || meant === role || (!roles.has(meant) && !k.anyRole))
                    continue;
                const key = `${role}\0${server.location.file}:${server.location.line}`;
                if (said.has(key))
                    continue;
                said.add(key);
                problems.push({ ...server.location, message: `server ${server.name} holds role "${role}", which no policy names, so the policies about role "${meant}" do not check it; did you mean "${meant}"? Role names are exact (case too). If "${role}" is a role of its own, give it a name that does not read like "${meant}".` });
            }
        }
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/core/policy/pack.ts









const validatePack = precompiledValidator(VALIDATOR_NAMES.pack);
const validatePolicy = precompiledValidator(VALIDATOR_NAMES.policy);
const checkValidators = new Map([...CHECK_TYPES.keys()].map((type) => [type, precompiledValidator(VALIDATOR_NAMES.check(type))]));
const KINDS = { cidrs: 'CIDR', ports: 'port', roles: 'role' };
function checkFlowValues(doc, check, problems) {
    const from = check.from;
    from?.cidrs?.forEach((c, i) => checkAddress(doc, ['check', 'from', 'cidrs', i], c, 'network', problems));
    if (Array.isArray(check.ports)) {
        check.ports.forEach((p, i) => {
            const r = parsePortSpec(p);
            if (!r.ok)
                problems.add(doc.at(['check', 'ports', i]), `${r.error}.`);
        });
    }
}
function parsePolicyFile(text, path, pack, problems) {
    let doc;
    try {
        doc = parseYaml(text, path, { maxBytes: 1024 * 1024, maxDepth: 32, maxAliases: 100, maxNodes: 50_000 });
    }
    catch (e) {
        if (e instanceof InputError) {
            problems.addAll(e.problems);
            return undefined;
        }
        throw e;
    }
    const before = problems.size;
    problems.addAll(validateLocated(validatePolicy, doc, KINDS));
    if (problems.size > before)
        return undefined;
    const raw = doc.value;
    const checkType = checkValidators.get(raw.check.type);
    if (checkType)
        problems.addAll(validateLocated(checkType, doc, KINDS, ['check']));
    if (problems.size > before)
        return undefined;
    checkFlowValues(doc, raw.check, problems);
    if (problems.size > before)
        return undefined;
    return { ...raw, pack, file: path, location: doc.at(['id']), names: namesInCheck(raw.check, (p) => doc.at(p)) };
}
const isPackFile = (path) => /(^|[\\/])pack\.ya?ml$/.test(path);
/** Parses one pack; every problem in every file is reported together. */
function parsePack(input) {
    const problems = new ProblemList();
    const packFile = input.files.find((f) => isPackFile(f.path));
    if (!packFile) {
        throw InputError.at({ file: input.dir, line: 1, column: 1 }, `"${input.dir}" is not a policy pack: it has no pack.yaml (name, version, description).`);
    }
    const packDoc = parseYaml(packFile.text, packFile.path, { maxBytes: 1024 * 1024, maxDepth: 16, maxAliases: 0, maxNodes: 10_000 });
    problems.addAll(validateLocated(validatePack, packDoc));
    problems.throwIfAny();
    const meta = packDoc.value;
    const clients = new Map();
    const clientLocations = new Map();
    for (const [name, cidrs] of Object.entries(meta.clients ?? {})) {
        if (name === 'internet')
            problems.add(packDoc.keyAt(['clients', name]), INTERNET_IS_BUILT_IN);
        clientLocations.set(name, packDoc.keyAt(['clients', name]));
        cidrs.forEach((c, i) => checkAddress(packDoc, ['clients', name, i], c, 'network', problems));
        const parsed = cidrs.map((c) => parseCidr(c));
        clients.set(name, {
            name,
            addresses: AddressSet.fromParsed(parsed.flatMap((r) => (r.ok ? [r.value] : []))),
            defaultedBy: `pack ${meta.name} (${packFile.path}:${packDoc.keyAt(['clients', name]).line})`,
        });
    }
    const policies = [];
    for (const f of input.files) {
        if (isPackFile(f.path) || !/\.ya?ml$/i.test(f.path))
            continue;
        const policy = parsePolicyFile(f.text, f.path, meta.name, problems);
        if (policy)
            policies.push(policy);
    }
    if (policies.length === 0 && problems.size === 0) {
        problems.add(packDoc.at([]), `pack "${meta.name}" has no policy files; add one YAML file per policy beside pack.yaml.`);
    }
    problems.throwIfAny();
    policies.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { name: meta.name, version: String(meta.version), description: meta.description, dir: input.dir, clients, clientLocations, nameLocation: packDoc.at(['name']), policies };
}
/** Clients every environment gets unless it declares them: `internet`, then pack defaults. */
function defaultClients(packs) {
    const all = new Map([['internet', { name: 'internet', addresses: INTERNET, defaultedBy: 'topogate (the public address space)' }]]);
    for (const pack of packs)
        for (const [name, client] of pack.clients)
            if (!all.has(name))
                all.set(name, client);
    return all;
}
/** Policy ids are unique across every loaded pack. */
function allPolicies(packs) {
    const problems = new ProblemList();
    const byId = new Map();
    for (const pack of packs) {
        for (const p of pack.policies) {
            const prev = byId.get(p.id);
            if (prev)
                problems.add(p.location, `policy id ${p.id} is already used by ${prev.file}:${prev.location.line} (pack ${prev.pack}); ids are unique across packs.`);
            else
                byId.set(p.id, p);
        }
    }
    problems.throwIfAny();
    return [...byId.values()];
}
/** For "did you mean" on a policy id written in a waiver or override. */
function suggestPolicy(id, policies) {
    return closest(id, policies.map((p) => p.id));
}

;// CONCATENATED MODULE: ./src/core/policy/evaluate.ts





/**
 * Waivers and overrides must name real policies and environments: a typo would silently
 * waive nothing. Policies must name clients, roles and servers that exist (a typo there
 * would silently check nothing), unless an override turns them off.
 */
function checkReferences(input) {
    const problems = new ProblemList();
    const ids = new Set(input.policies.map((p) => p.id));
    const envs = new Set(input.environments.map((e) => e.name));
    const unknownPolicy = (id, at, what) => {
        const s = suggestPolicy(id, input.policies);
        problems.add(at, `${what} names policy "${id}", which no loaded pack defines.${s ? ` Did you mean ${s}?` : ''}`);
    };
    for (const w of input.waivers ?? []) {
        if (!ids.has(w.policy))
            unknownPolicy(w.policy, w.at?.policy ?? w.location, 'this waiver');
        if (!envs.has(w.environment)) {
            const s = closest(w.environment, envs);
            problems.add(w.at?.environment ?? w.location, `this waiver names environment "${w.environment}", which no topology or plan defines.${s ? ` Did you mean "${s}"?` : ` Known: ${[...envs].join(', ') || 'none'}.`}`);
        }
    }
    const seen = new Map();
    for (const o of input.overrides ?? []) {
        if (!ids.has(o.policy))
            unknownPolicy(o.policy, o.policyAt ?? o.location, 'this override');
        const prev = seen.get(o.policy);
        if (prev)
            problems.add(o.location, `policy ${o.policy} is already overridden at ${prev.file}:${prev.line}; keep one override per policy.`);
        seen.set(o.policy, o.location);
    }
    const off = new Set((input.overrides ?? []).filter((o) => o.severity === 'off').map((o) => o.policy));
    problems.addAll(policyNameProblems(input.policies.filter((p) => !off.has(p.id)), input.environments, input.defaultClients ?? ['internet']));
    problems.throwIfAny();
}
function compareFindings(a, b) {
    const cmp = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
    return cmp(a.environment, b.environment) || cmp(a.policy, b.policy) || cmp(a.subject, b.subject) || cmp(a.location.file, b.location.file) || a.location.line - b.location.line;
}
/**
 * A message is built from dozens of pieces, and V8 keeps such a string as a tree of them
 * until something reads it whole: tens of thousands of findings kept as trees are more
 * objects for the collector to copy (measured: 12 MB less heap at 50,000 findings).
 * Converting to a number reads the string whole (flattens it); the result goes to a sink
 * so the conversion is not optimised away.
 */
let _flattened = 0;
function flat(s) {
    _flattened += Number.isNaN(Number(s)) ? 0 : 1;
    return s;
}
function evaluate(input) {
    checkReferences(input);
    const overrides = new Map((input.overrides ?? []).map((o) => [o.policy, o]));
    const disabled = [];
    const findings = [];
    const active = [];
    for (const policy of [...input.policies].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
        const override = overrides.get(policy.id);
        if (override?.severity === 'off') {
            disabled.push({ policy: policy.id, title: policy.title, reason: override.reason, location: override.location });
            continue;
        }
        const checkType = CHECK_TYPES.get(policy.check.type);
        if (!checkType)
            continue; // unreachable: packs are validated against the known types
        const severity = override?.severity ?? policy.severity;
        const note = override && override.severity !== policy.severity ? ` (Severity ${severity}, changed from ${policy.severity}: ${override.reason})` : '';
        active.push({ policy, severity, checkType, note });
    }
    // Environment by environment, policies in id order: the findings come out nearly in
    // report order, so the final sort has little to do.
    for (const env of [...input.environments].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        for (const { policy, severity, checkType, note } of active) {
            for (const outcome of checkType.check(env, policy.check)) {
                findings.push({
                    policy: policy.id,
                    title: policy.title,
                    severity,
                    status: outcome.status,
                    environment: env.name,
                    subject: outcome.subject,
                    message: flat(outcome.message + note),
                    location: outcome.location,
                    source: policy.source,
                });
            }
        }
    }
    const advisories = applyWaivers(findings, input.waivers ?? [], input.today);
    findings.sort(compareFindings);
    disabled.sort((a, b) => (a.policy < b.policy ? -1 : 1));
    return advisories.length > 0 ? { findings, disabled, advisories } : { findings, disabled };
}
/** A waiver turns a fail or unknown into `waived` until it expires; an expired one says so. */
function applyWaivers(findings, waivers, today) {
    if (waivers.length === 0)
        return [];
    // Indexed by policy and environment: a finding looks up its few candidates, not every waiver.
    const byScope = new Map();
    for (const w of waivers) {
        const key = `${w.policy}\0${w.environment}`;
        byScope.set(key, [...(byScope.get(key) ?? []), w]);
    }
    const used = new Set();
    for (const f of findings) {
        if (f.status !== 'fail' && f.status !== 'unknown')
            continue;
        const candidates = byScope.get(`${f.policy}\0${f.environment}`)?.filter((x) => x.subject === undefined || x.subject === f.subject) ?? [];
        // A renewed waiver beside the expired one it replaces: the one in force wins; among
        // those, the one naming this subject before one covering the whole policy.
        const rank = (x) => (x.expires < today ? 2 : 0) + (x.subject === undefined ? 1 : 0);
        const w = candidates.length <= 1 ? candidates[0] : [...candidates].sort((a, b) => rank(a) - rank(b))[0];
        if (!w)
            continue;
        used.add(w);
        const expired = w.expires < today;
        f.waiver = { reason: w.reason, expires: w.expires, location: w.location, expired };
        if (expired) {
            f.message += ` (A waiver at ${w.location.file}:${w.location.line} expired on ${w.expires} and no longer applies: renew it or fix the finding.)`;
        }
        else {
            f.status = 'waived';
            f.message += ` (Waived until ${w.expires}: ${w.reason})`;
        }
    }
    // A waiver that waives nothing is usually one whose finding was fixed: no error (that
    // would block the fix). One whose subject nearly matches a finding still open, and no
    // finding's exactly, is likely a slip: said, without stopping the run.
    const advisories = [];
    for (const w of waivers) {
        if (used.has(w) || w.subject === undefined)
            continue;
        const scope = findings.filter((f) => f.policy === w.policy && f.environment === w.environment);
        if (scope.some((f) => f.subject === w.subject))
            continue;
        const meant = nearMiss(w.subject, scope.filter((f) => f.status === 'fail' || f.status === 'unknown').map((f) => f.subject));
        if (meant)
            advisories.push({ ...(w.at?.subject ?? w.location), message: `this waiver's subject "${w.subject}" matches no finding of ${w.policy} in "${w.environment}", so it waives nothing; did you mean "${meant}", which is still open?` });
    }
    return advisories;
}

;// CONCATENATED MODULE: ./src/core/topology/parse-topology.ts







const validateTopology = precompiledValidator(VALIDATOR_NAMES.topology);
const parse_topology_KINDS = {
    environments: 'environment',
    servers: 'server',
    'load-balancers': 'load balancer',
    listeners: 'listener',
    firewall: 'opening',
    select: 'selector',
    waivers: 'waiver',
    overrides: 'override',
    addresses: 'address',
    ports: 'port',
    roles: 'role',
    plans: 'plan',
};
const PLAN_KEYS = ['format_version', 'terraform_version', 'planned_values', 'resource_changes', 'prior_state'];
/** Parses and validates one topology file; throws an InputError listing every problem. */
function parseTopology(text, file, context = { defaultClients: new Set() }) {
    const doc = parseYaml(text, file);
    const problems = new ProblemList();
    const value = doc.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && PLAN_KEYS.some((k) => k in value)) {
        problems.add(doc.at([]), 'this looks like a Terraform plan, not a topology file. Pass it with --plan (action input `plan`).');
        problems.throwIfAny();
    }
    problems.addAll(validateLocated(validateTopology, doc, parse_topology_KINDS));
    problems.throwIfAny();
    const raw = value;
    const environments = (raw.environments ?? []).map((env, i) => ({ raw: env, path: ['environments', i], location: doc.at(['environments', i]) }));
    const pendingRoles = [];
    for (const env of environments)
        checkEnvironment(doc, env.raw, env.path, context, problems, pendingRoles);
    const waivers = (raw.waivers ?? []).map((w, i) => ({
        ...w,
        expires: String(w.expires),
        location: doc.at(['waivers', i]),
        at: { policy: doc.at(['waivers', i, 'policy']), environment: doc.at(['waivers', i, 'environment']), subject: w.subject === undefined ? undefined : doc.at(['waivers', i, 'subject']) },
    }));
    for (const [i, w] of waivers.entries()) {
        if (!isRealDate(w.expires))
            problems.add(doc.at(['waivers', i, 'expires']), `waiver #${i + 1}: "${w.expires}" is not a calendar date; write YYYY-MM-DD.`);
    }
    const overrides = (raw.overrides ?? []).map((o, i) => ({ ...o, location: doc.at(['overrides', i]), policyAt: doc.at(['overrides', i, 'policy']) }));
    problems.throwIfAny();
    return { file, doc, environments, waivers, overrides, pendingRoles };
}
function isRealDate(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m)
        return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
function parseEndpointRef(text) {
    if (text.startsWith('role:'))
        return { kind: 'role', role: text.slice(5) };
    if (/^[0-9.]+(\/\d+)?$/.test(text) || (text.includes(':') && parseCidr(text).ok))
        return { kind: 'cidr', text };
    return { kind: 'name', name: text };
}
/** Server roles (topology servers and Terraform selectors) with the role the built-in pack lets the controller hold by default. */
function rolesHeld(env) {
    const roles = new Set();
    for (const s of env.servers ?? [])
        for (const r of s.roles)
            roles.add(r);
    for (const sel of env.terraform?.select ?? [])
        for (const r of Array.isArray(sel.role) ? sel.role : [sel.role])
            roles.add(r);
    if (roles.has('controller'))
        roles.add('cache-invalidation');
    return roles;
}
function checkEnvironment(doc, env, envPath, context, problems, pendingRoles) {
    // Plans may give roles through tags: a role no topology server holds is checked once they are read.
    const rolesFromPlans = (env.terraform?.plans?.length ?? 0) > 0;
    const names = new Map();
    const declare = (name, kind, path) => {
        const prev = names.get(name);
        if (prev) {
            const at = doc.at(prev.path);
            problems.add(doc.at(path), `environment "${env.name}": the name "${name}" is already used by a ${prev.kind} at line ${at.line}; names are unique in an environment.`);
        }
        else {
            names.set(name, { kind, path });
        }
    };
    for (const [client, cidrs] of Object.entries(env.clients ?? {})) {
        if (client === 'internet')
            problems.add(doc.keyAt([...envPath, 'clients', client]), INTERNET_IS_BUILT_IN);
        declare(client, 'client', [...envPath, 'clients', client]);
        cidrs.forEach((c, i) => checkAddress(doc, [...envPath, 'clients', client, i], c, 'network', problems));
    }
    (env.servers ?? []).forEach((s, i) => {
        const p = [...envPath, 'servers', i];
        declare(s.name, 'server', [...p, 'name']);
        (s.addresses ?? []).forEach((a, j) => checkAddress(doc, [...p, 'addresses', j], a, 'host', problems));
        const dupRole = s.roles.find((r, k) => s.roles.indexOf(r) !== k);
        if (dupRole)
            problems.add(doc.at([...p, 'roles']), `server "${s.name}": role "${dupRole}" is listed twice.`);
        if ((s.engine !== undefined || s.port !== undefined) && !s.roles.includes('database')) {
            problems.add(doc.at([...p, s.engine !== undefined ? 'engine' : 'port']), `server "${s.name}": "engine" and "port" describe a database listener, but the server does not hold role database. Add role database or remove them.`);
        }
    });
    (env['load-balancers'] ?? []).forEach((lb, i) => {
        const p = [...envPath, 'load-balancers', i];
        declare(lb.name, 'load-balancer', [...p, 'name']);
        (lb.addresses ?? []).forEach((a, j) => checkAddress(doc, [...p, 'addresses', j], a, 'host', problems));
    });
    // A server named like a pack's client (or `internet`) would take its place in openings and policies, in silence.
    for (const client of new Set([...context.defaultClients, 'internet'])) {
        const owner = names.get(client);
        if (!owner)
            names.set(client, { kind: 'client', path: envPath });
        else if (owner.kind !== 'client') {
            problems.add(doc.at(owner.path), `environment "${env.name}": "${client}" is the name of a client (${client === 'internet' ? 'built in: every address' : 'a loaded pack declares it'}), so in openings and policies it would mean this ${owner.kind} instead. Rename the ${owner.kind}.`);
        }
    }
    const roles = rolesHeld(env);
    const describeKnown = () => {
        const all = [...names.keys(), ...[...roles].map((r) => `role:${r}`)];
        return all.length > 0 ? ` Known here: ${all.slice(0, 12).join(', ')}${all.length > 12 ? ', …' : ''}.` : '';
    };
    const checkRef = (text, path, side) => {
        const ref = parseEndpointRef(text);
        if (ref.kind === 'cidr') {
            if (side !== 'from')
                problems.add(doc.at(path), `"${text}" is an address; ${side === 'to' ? '"to"' : 'a listener\'s "to"'} names a server${side === 'to' ? ', a load balancer' : ''} or role:<role>.`);
            else
                checkAddress(doc, path, text, 'network', problems);
            return;
        }
        if (ref.kind === 'role') {
            if (!roles.has(ref.role) && rolesFromPlans) {
                pendingRoles.push({ environment: env.name, role: ref.role, location: doc.at(path) });
            }
            else if (!roles.has(ref.role)) {
                const suggestion = closest(ref.role, roles);
                problems.add(doc.at(path), `environment "${env.name}": no server holds role "${ref.role}".${suggestion ? ` Did you mean role:${suggestion}?` : ' Give a server this role or fix the name.'}`);
            }
            return;
        }
        const named = names.get(ref.name);
        if (!named) {
            const suggestion = closest(ref.name, [...names.keys(), ...[...roles].map((r) => `role:${r}`)]);
            problems.add(doc.at(path), `environment "${env.name}": unknown name "${ref.name}".${suggestion ? ` Did you mean "${suggestion}"?` : describeKnown()}`);
            return;
        }
        if (side !== 'from' && named.kind === 'client')
            problems.add(doc.at(path), `"${ref.name}" is a client; clients are sources outside the environment and can only appear in "from".`);
        if (side === 'listener' && named.kind === 'load-balancer')
            problems.add(doc.at(path), `"${ref.name}" is a load balancer; a listener forwards to a server or role:<role>.`);
    };
    (env['load-balancers'] ?? []).forEach((lb, i) => lb.listeners.forEach((l, j) => checkRef(l.to, [...envPath, 'load-balancers', i, 'listeners', j, 'to'], 'listener')));
    (env.firewall ?? []).forEach((o, i) => {
        const p = [...envPath, 'firewall', i];
        const list = (v) => (Array.isArray(v) ? v : [v]);
        list(o.from).forEach((f, j) => checkRef(f, Array.isArray(o.from) ? [...p, 'from', j] : [...p, 'from'], 'from'));
        list(o.to).forEach((t, j) => checkRef(t, Array.isArray(o.to) ? [...p, 'to', j] : [...p, 'to'], 'to'));
        const protocol = o.protocol ?? 'tcp';
        if (protocol === 'all' && o.ports !== undefined) {
            problems.add(doc.at([...p, 'ports']), 'protocol "all" opens every port of every protocol; remove "ports", or set protocol tcp or udp.');
        }
        if (protocol !== 'all' && o.ports === undefined) {
            problems.add(doc.at(p), `opening #${i + 1}: "ports" is required for ${protocol}; write the ports to open, e.g. ports: [443] or ["0-65535"] for all.`);
        }
        (o.ports ?? []).forEach((spec, j) => {
            const r = parsePortSpec(spec);
            if (!r.ok)
                problems.add(doc.at([...p, 'ports', j]), `${r.error}.`);
        });
    });
    for (const [i, plan] of (env.terraform?.plans ?? []).entries()) {
        const at = doc.at([...envPath, 'terraform', 'plans', i]);
        if (plan.startsWith('/') || /^[A-Za-z]:[\\/]/.test(plan) || plan.split(/[\\/]/).includes('..')) {
            problems.add(at, `"${plan}" must be a path inside the repository, relative to this topology file, without "..".`);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/topology/build-environments.ts



/**
 * Topology files to environment models. Every opening becomes an allow rule on the
 * ingress of each endpoint it targets; with no `firewall` at all the environment's
 * flows cannot be decided, which the model says with an unknown layer.
 */
const CACHE_INVALIDATION = 'cache-invalidation';
function toList(v) {
    return Array.isArray(v) ? v : [v];
}
function portsOf(o) {
    if ((o.protocol ?? 'tcp') === 'all')
        return PortSet.ALL;
    const sets = [];
    for (const spec of o.ports ?? []) {
        const r = parsePortSpec(spec);
        if (r.ok)
            sets.push(r.value);
    }
    return PortSet.unionOf(sets);
}
function openingLabel(o) {
    const protocol = o.protocol ?? 'tcp';
    const ports = protocol === 'all' ? 'all' : portsOf(o).describe();
    return `opening ${toList(o.from).join(', ')} -> ${toList(o.to).join(', ')} ${protocol}/${ports}`;
}
/** Adds the clients an environment does not declare but a pack defaults (end-users, internet). */
function withDefaultClients(declared, defaults) {
    const all = new Map(declared);
    for (const [name, client] of defaults)
        if (!all.has(name))
            all.set(name, client);
    return all;
}
function buildTopologyEnvironment(file, raw, envPath, defaultClients = new Map()) {
    const { doc } = file;
    const at = (path) => doc.at([...envPath, ...path]);
    const declared = new Map();
    for (const [name, cidrs] of Object.entries(raw.clients ?? {})) {
        declared.set(name, { name, addresses: AddressSet.of(...cidrs), location: doc.keyAt([...envPath, 'clients', name]) });
    }
    const clients = withDefaultClients(declared, defaultClients);
    const rawServers = raw.servers ?? [];
    const hasCacheInvalidation = rawServers.some((s) => s.roles.includes(CACHE_INVALIDATION));
    const serverDrafts = rawServers.map((s, i) => {
        const roles = [...s.roles];
        const roleNotes = {};
        // policies.md: RabbitMQ runs on the controller "by default" when no server holds the role.
        if (!hasCacheInvalidation && roles.includes('controller')) {
            roles.push(CACHE_INVALIDATION);
            roleNotes[CACHE_INVALIDATION] = 'held by the controller by default (no server declares role cache-invalidation)';
        }
        const addresses = s.addresses && s.addresses.length > 0 ? AddressSet.of(...s.addresses) : AddressSet.EMPTY;
        return { raw: s, index: i, roles, roleNotes, addresses, exact: !addresses.isEmpty() };
    });
    // What each name and role stands for as a rule's peer.
    const named = new Map();
    // A client is its addresses: a rule from it matches any source inside them.
    for (const c of clients.values())
        named.set(c.name, { addresses: c.addresses, identities: [] });
    for (const s of serverDrafts)
        named.set(s.raw.name, { addresses: s.addresses, identities: [`server:${s.raw.name}`] });
    const lbDrafts = (raw['load-balancers'] ?? []).map((lb, i) => ({
        raw: lb,
        index: i,
        addresses: lb.addresses && lb.addresses.length > 0 ? AddressSet.of(...lb.addresses) : AddressSet.EMPTY,
    }));
    for (const lb of lbDrafts)
        named.set(lb.raw.name, { addresses: lb.addresses, identities: [`lb:${lb.raw.name}`] });
    const roleMembers = (role) => serverDrafts.filter((s) => s.roles.includes(role));
    const peerOf = (text) => {
        const ref = parseEndpointRef(text);
        if (ref.kind === 'cidr')
            return { addresses: AddressSet.of(ref.text), identities: [] };
        if (ref.kind === 'role') {
            return {
                addresses: roleMembers(ref.role).reduce((acc, s) => acc.union(s.addresses), AddressSet.EMPTY),
                identities: [`role:${ref.role}`],
            };
        }
        return named.get(ref.name) ?? { addresses: AddressSet.EMPTY, identities: [] };
    };
    const targetsOf = (text) => {
        const ref = parseEndpointRef(text);
        if (ref.kind === 'role')
            return roleMembers(ref.role).map((s) => s.raw.name);
        return ref.kind === 'name' ? [ref.name] : [];
    };
    // One rule per opening, and per target the openings that apply to it, in order.
    const openingRules = [];
    const openingsOf = new Map();
    (raw.firewall ?? []).forEach((o, i) => {
        const label = openingLabel(o);
        const location = at(['firewall', i]);
        const protocol = o.protocol ?? 'tcp';
        const ports = portsOf(o);
        const fromLabel = toList(o.from).join(', ');
        const peer = toList(o.from)
            .map(peerOf)
            .reduce((acc, p) => ({ addresses: acc.addresses.union(p.addresses), identities: [...acc.identities, ...p.identities] }), { addresses: AddressSet.EMPTY, identities: [] });
        openingRules[i] = { action: 'allow', priority: 0, protocol, ports, peer: { ...peer, label: fromLabel }, origin: { label, location } };
        for (const target of new Set(toList(o.to).flatMap(targetsOf))) {
            const list = openingsOf.get(target) ?? [];
            list.push(i);
            openingsOf.set(target, list);
        }
    });
    // Endpoints the same openings apply to (a role's farm) share one layer, so the flow
    // engine's answers kept on a layer serve all of them.
    const layers = new Map();
    const ingressOf = (name) => {
        if (!raw.firewall) {
            return [{
                    name: `firewall of ${raw.name}`,
                    rules: [],
                    defaultAction: 'deny',
                    unknown: `environment "${raw.name}" declares no firewall and no Terraform network data covers ${name}: add a "firewall:" list of openings to the topology, or a plan`,
                }];
        }
        const openings = openingsOf.get(name) ?? [];
        const key = openings.join(',');
        let layer = layers.get(key);
        if (!layer) {
            layer = { name: `firewall of ${raw.name}`, rules: openings.map((i) => openingRules[i]), defaultAction: 'deny', fix: { kind: 'topology', environment: raw.name } };
            layers.set(key, layer);
        }
        return [layer];
    };
    const servers = serverDrafts.map((s) => {
        const p = ['servers', s.index];
        return {
            kind: 'server',
            name: s.raw.name,
            roles: s.roles,
            roleNotes: Object.keys(s.roleNotes).length > 0 ? s.roleNotes : undefined,
            addresses: s.addresses,
            addressesExact: s.exact,
            identities: [`server:${s.raw.name}`, ...s.roles.map((r) => `role:${r}`)],
            ingress: ingressOf(s.raw.name),
            egress: [],
            location: at(p),
            provider: s.raw.provider ?? raw.provider,
            providerLocation: s.raw.provider !== undefined ? at([...p, 'provider']) : raw.provider !== undefined ? at(['provider']) : undefined,
            region: s.raw.region ?? raw.region,
            engine: s.raw.engine,
            port: s.raw.port,
        };
    });
    const loadBalancers = lbDrafts.map((lb) => {
        const p = ['load-balancers', lb.index];
        const listeners = lb.raw.listeners.map((l, j) => ({
            port: l.port,
            protocol: l.protocol ?? 'tcp',
            targets: targetsOf(l.to),
            targetPort: l['target-port'] ?? l.port,
            location: at([...p, 'listeners', j]),
        }));
        return {
            kind: 'load-balancer',
            name: lb.raw.name,
            addresses: lb.addresses,
            addressesExact: !lb.addresses.isEmpty(),
            identities: [`lb:${lb.raw.name}`],
            ingress: ingressOf(lb.raw.name),
            egress: [],
            location: at(p),
            listeners,
            preservesClientAddress: lb.raw['preserve-client-address'] ?? false,
            provider: lb.raw.provider ?? raw.provider,
        };
    });
    return {
        name: raw.name,
        location: at(['name']),
        provider: raw.provider,
        region: raw.region,
        clients,
        servers,
        loadBalancers,
    };
}

;// CONCATENATED MODULE: ./src/core/model.ts
const SEVERITY_RANK = { error: 3, warning: 2, notice: 1 };

;// CONCATENATED MODULE: ./src/core/report/report.ts

function buildReport(version, environments, policies, evaluation) {
    const count = (status) => evaluation.findings.filter((f) => f.status === status).length;
    const bySeverity = { error: 0, warning: 0, notice: 0 };
    for (const f of evaluation.findings)
        if (f.status === 'fail')
            bySeverity[f.severity]++;
    return {
        tool: { name: 'topogate', version },
        summary: { fail: count('fail'), unknown: count('unknown'), pass: count('pass'), waived: count('waived'), bySeverity },
        environments: [...environments]
            .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
            .map((e) => ({
            name: e.name,
            // Without servers, the provider the environment declares.
            providers: e.servers.length === 0 && e.provider ? [e.provider] : [...new Set(e.servers.flatMap((s) => (s.provider ? [s.provider] : [])))].sort(),
            servers: e.servers.length,
        })),
        findings: evaluation.findings,
        disabled: evaluation.disabled,
        policies: [...policies],
        ...(evaluation.advisories && evaluation.advisories.length > 0 ? { advisories: evaluation.advisories } : {}),
    };
}
const gateOf = (g) => (typeof g === 'string' ? { failOn: g } : g);
/** The gate the CLI options and the action inputs ask for. */
const gateOfOptions = (o) => ({ failOn: o.failOn, unknown: o.failOnUnknown });
/** Findings that fail the run: status fail (and unknown, when the gate says so) at or above the threshold. */
function failingFindings(report, gate) {
    const { failOn, unknown } = gateOf(gate);
    if (failOn === 'never')
        return [];
    const threshold = SEVERITY_RANK[failOn];
    return report.findings.filter((f) => (f.status === 'fail' || (unknown === true && f.status === 'unknown')) && SEVERITY_RANK[f.severity] >= threshold);
}
function isFailing(report, gate) {
    return failingFindings(report, gate).length > 0;
}
/** What the verdict lines say: how many findings block, how many of them are undecided, and whether unknowns count. */
function blockingSummary(report, gate) {
    const { failOn, unknown } = gateOf(gate);
    const failing = failingFindings(report, gate);
    return { blocking: failing.length, undecided: failing.filter((f) => f.status === 'unknown').length, failOn, unknownCounts: unknown === true && failOn !== 'never' };
}
const grouped = new WeakMap();
/**
 * For an environment with no server whose every check passed: they passed on nothing. The
 * gate does not fail (a plan may hold no server: a pull request that only changes IAM),
 * but the report says so instead of a plain pass.
 */
function nothingCheckedNote(env, findings) {
    if (env.servers > 0 || findings.some((f) => f.status === 'fail' || f.status === 'unknown'))
        return undefined;
    return `No servers, so nothing was checked here. If "${env.name}" has servers, declare them under servers: in its topology, tag its Terraform resources topogate-environment: ${env.name}, or pass the plan that holds them (--plan, terraform.plans).`;
}
/** The findings of each environment, grouped in one pass (renderers ask per environment). */
function findingsByEnvironment(report) {
    let map = grouped.get(report);
    if (!map) {
        map = new Map(report.environments.map((e) => [e.name, []]));
        for (const f of report.findings) {
            const list = map.get(f.environment);
            if (list)
                list.push(f);
            else
                map.set(f.environment, [f]);
        }
        grouped.set(report, map);
    }
    return map;
}
/** Environment names, those with failures first, then with unknowns, then the rest; by name within each. */
function environmentsByUrgency(report) {
    const byEnv = findingsByEnvironment(report);
    const rank = new Map();
    for (const e of report.environments) {
        const fs = byEnv.get(e.name) ?? [];
        rank.set(e.name, fs.some((f) => f.status === 'fail') ? 0 : fs.some((f) => f.status === 'unknown') ? 1 : 2);
    }
    return report.environments.map((e) => e.name).sort((a, b) => rank.get(a) - rank.get(b) || (a < b ? -1 : a > b ? 1 : 0));
}
/** Most urgent first: failures by severity, then unknown, waived, pass. */
function compareUrgency(a, b) {
    const statusRank = { fail: 0, unknown: 1, waived: 2, pass: 3 };
    return statusRank[a.status] - statusRank[b.status] || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
}

;// CONCATENATED MODULE: ./src/core/terraform/json-syntax.ts
/**
 * A small JSON scanner for the paths JSON.parse cannot serve: where exactly a syntax
 * error is (JSON.parse's messages differ between Node versions and give no line), where
 * the first value ends when data trails it, and where the value at a path starts, so an
 * error about a plan's content can point at a line. Iterative: nesting depth costs heap,
 * never stack. Used on error paths only; the happy path is JSON.parse.
 */
const isWs = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
function describeChar(text, i) {
    if (i >= text.length)
        return 'the end of the file';
    const ch = text.codePointAt(i) ?? 0;
    if (ch < 0x20)
        return `a control character (U+${ch.toString(16).padStart(4, '0').toUpperCase()})`;
    return `"${String.fromCodePoint(ch)}"`;
}
/** Reads a string starting at the quote at `i`; returns its end (after the closing quote) or an error. */
function scanString(text, i) {
    let j = i + 1;
    let simple = true;
    while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c === 0x22) {
            const raw = text.slice(i, j + 1);
            return { end: j + 1, value: simple ? raw.slice(1, -1) : JSON.parse(raw) };
        }
        if (c === 0x5c) {
            simple = false;
            const e = text[j + 1];
            if (e === 'u') {
                if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6)))
                    return { offset: j, message: 'invalid \\u escape in a string: write four hex digits' };
                j += 6;
                continue;
            }
            if (e === undefined || !'"\\/bfnrt'.includes(e))
                return { offset: j, message: `invalid escape \\${e ?? ''} in a string` };
            j += 2;
            continue;
        }
        if (c < 0x20)
            return { offset: j, message: 'a string contains a raw line break or control character; strings end on the line they start' };
        j++;
    }
    return { offset: i, message: 'a string starts here and is never closed (the file may be truncated)' };
}
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/**
 * Scans the first JSON value of `text` from `start`. With `path`, also reports the offset
 * where the value at that path begins.
 */
function scanJson(text, start = 0, path) {
    const stack = [];
    let found;
    let i = start;
    const skipWs = () => {
        while (i < text.length && isWs(text.charCodeAt(i)))
            i++;
    };
    const atPath = () => {
        if (!path || found !== undefined || stack.length !== path.length)
            return false;
        for (let k = 0; k < stack.length; k++)
            if (stack[k].at !== path[k])
                return false;
        return true;
    };
    const fail = (offset, message) => ({ ok: false, offset, message });
    for (;;) {
        skipWs();
        const top = stack[stack.length - 1];
        // Inside a container: punctuation first.
        if (top && top.expect !== 'value' && top.expect !== 'first') {
            const c = text[i];
            if (top.expect === 'colon') {
                if (c !== ':')
                    return fail(i, `expected ":" after the property name, found ${describeChar(text, i)}`);
                i++;
                top.expect = 'value';
                continue;
            }
            if (top.expect === 'comma') {
                if (c === ',') {
                    i++;
                    if (top.kind === 'array') {
                        top.at = top.at + 1;
                        top.expect = 'value';
                    }
                    else {
                        top.expect = 'key';
                    }
                    continue;
                }
                if ((c === '}' && top.kind === 'object') || (c === ']' && top.kind === 'array')) {
                    i++;
                    stack.pop();
                    if (stack.length === 0)
                        return { ok: true, end: i, found };
                    continue;
                }
                if (i >= text.length)
                    return fail(i, 'the JSON ends before it is complete: the file is truncated or a bracket is never closed');
                return fail(i, `expected "," or "${top.kind === 'object' ? '}' : ']'}", found ${describeChar(text, i)}`);
            }
            // expect key
            if (c !== '"') {
                if (c === '}')
                    return fail(i, 'a "," is followed by "}": remove the trailing comma');
                if (i >= text.length)
                    return fail(i, 'the JSON ends before it is complete: the file is truncated or a bracket is never closed');
                return fail(i, `expected a property name in double quotes, found ${describeChar(text, i)}`);
            }
            const s = scanString(text, i);
            if (!('end' in s))
                return fail(s.offset, s.message);
            top.at = s.value;
            i = s.end;
            top.expect = 'colon';
            continue;
        }
        if (top && top.expect === 'first') {
            const c = text[i];
            if ((c === '}' && top.kind === 'object') || (c === ']' && top.kind === 'array')) {
                i++;
                stack.pop();
                if (stack.length === 0)
                    return { ok: true, end: i, found };
                stack[stack.length - 1].expect = 'comma';
                continue;
            }
            if (top.kind === 'object') {
                top.expect = 'key';
                continue;
            }
            top.expect = 'value';
        }
        // A value.
        if (atPath())
            found = i;
        const c = text[i];
        if (c === '{' || c === '[') {
            if (top)
                top.expect = 'comma';
            stack.push({ kind: c === '{' ? 'object' : 'array', at: 0, expect: 'first' });
            i++;
            continue;
        }
        if (c === '"') {
            const s = scanString(text, i);
            if (!('end' in s))
                return fail(s.offset, s.message);
            i = s.end;
        }
        else if (text.startsWith('true', i))
            i += 4;
        else if (text.startsWith('false', i))
            i += 5;
        else if (text.startsWith('null', i))
            i += 4;
        else {
            NUMBER.lastIndex = i;
            const m = NUMBER.exec(text);
            if (!m || m[0] === '-') {
                if (i >= text.length)
                    return fail(i, 'the JSON ends before it is complete: the file is truncated or a value is missing');
                if (top?.kind === 'array' && c === ']')
                    return fail(i, 'a "," is followed by "]": remove the trailing comma');
                return fail(i, `expected a value (a string, number, object, array, true, false or null), found ${describeChar(text, i)}`);
            }
            i += m[0].length;
        }
        if (!top)
            return { ok: true, end: i, found };
        top.expect = 'comma';
    }
}
/** Where the value at `path` starts in a JSON text, or undefined when the path is absent. */
function offsetOfPath(text, path) {
    const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const r = scanJson(text, start, path);
    return r.ok ? r.found : undefined;
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./src/core/terraform/plan-reader.ts

/**
 * Reads a plan's JSON from its bytes, parsing only what topogate uses. A plan repeats
 * its resources in `planned_values` and `prior_state`, and each change carries `before`
 * beside `after`; JSON.parse on the whole file builds all of it. This reader scans the
 * bytes (strings skipped with indexOf, structure by a byte loop: several times faster
 * than building values) and hands JSON.parse only the pieces it needs:
 *
 * - every top-level value except `planned_values`, `prior_state` and the other sections
 *   topogate never reads (`resource_drift`, `output_changes`, `relevant_attributes`,
 *   `checks`);
 * - each resource change's header, `actions`, `after` and `after_unknown`; `before` only
 *   for a deletion or a `forget`;
 * - from `planned_values` and `prior_state` only the resource entries the changes do not
 *   list (their addresses and modes are read while scanning).
 *
 * Skipped bytes are still checked to hold only what JSON allows outside strings, and the
 * brackets must balance. Anything unexpected returns undefined: the caller then takes the
 * full path (decode, JSON.parse, a located syntax error), so messages are the same.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
/** Bytes allowed outside strings in JSON: white space, structure, numbers, true/false/null. */
const ALLOWED = new Uint8Array(256);
for (const c of ' \t\r\n{}[],:-+.0123456789eEtrufalsn')
    ALLOWED[c.charCodeAt(0)] = 1;
const plan_reader_isWs = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
class Malformed extends Error {
    at;
    constructor(at) {
        super('malformed JSON');
        this.at = at;
    }
}
/** A key the plan object holds twice. */
class DuplicateKey extends Error {
    key;
    first;
    at;
    constructor(key, first, at) {
        super('duplicate key');
        this.key = key;
        this.first = first;
        this.at = at;
    }
}
/** A value whose text is longer than a JavaScript string can be (about 512 MiB): it cannot be parsed. */
class TooLong extends Error {
    at;
    constructor(at) {
        super('a value too long for a string');
        this.at = at;
    }
}
/** Runs `make`, turning V8's string-length limit into TooLong at `at`. */
function withinStringLimit(at, make) {
    try {
        return make();
    }
    catch (e) {
        if (e.code === 'ERR_STRING_TOO_LONG' || e instanceof RangeError)
            throw new TooLong(at);
        throw e;
    }
}
const SKIPPED = new Set(['resource_drift', 'output_changes', 'relevant_attributes', 'checks']);
/** Raised by a lazy step (an entry parsed after the read) when its bytes are not valid JSON. */
class MalformedEntry extends Error {
    at;
    constructor(at) {
        super('malformed JSON in a plan entry');
        this.at = at;
    }
}
class ByteReader {
    b;
    decoder = new TextDecoder('utf-8', { fatal: true });
    constructor(b) {
        this.b = b;
    }
    ws(i) {
        const b = this.b;
        while (i < b.length && plan_reader_isWs(b[i]))
            i++;
        return i;
    }
    /** Index just after the string whose opening quote is at `i`. */
    skipString(i) {
        const b = this.b;
        let from = i + 1;
        for (;;) {
            const q = b.indexOf(QUOTE, from);
            if (q < 0)
                throw new Malformed(i);
            let k = q - 1;
            while (b[k] === BACKSLASH)
                k--;
            if ((q - 1 - k) % 2 === 0)
                return q + 1;
            from = q + 1;
        }
    }
    readString(i) {
        if (this.b[i] !== QUOTE)
            throw new Malformed(i);
        const end = this.skipString(i);
        const raw = this.b.subarray(i + 1, end - 1);
        // Most keys and addresses have no escapes: decode them directly.
        return { value: raw.includes(BACKSLASH) ? JSON.parse(this.decode(i, end)) : withinStringLimit(i, () => this.decoder.decode(raw)), end };
    }
    /** Index just after the value starting at `i`. */
    skipValue(i) {
        const b = this.b;
        const c = b[i];
        if (c === QUOTE)
            return this.skipString(i);
        if (c === OPEN_OBJECT || c === OPEN_ARRAY)
            return this.skipRestOfContainer(i + 1);
        const start = i;
        while (i < b.length && b[i] !== COMMA && b[i] !== CLOSE_OBJECT && b[i] !== CLOSE_ARRAY && !plan_reader_isWs(b[i])) {
            if (!ALLOWED[b[i]])
                throw new Malformed(i);
            i++;
        }
        if (i === start)
            throw new Malformed(i);
        return i;
    }
    decode(start, end) {
        return withinStringLimit(start, () => this.decoder.decode(this.b.subarray(start, end)));
    }
    parse(start, end) {
        return JSON.parse(this.decode(start, end));
    }
    /** FNV-1a of the bytes in [start, end): a quick key for comparing raw strings. */
    hash(start, end) {
        const b = this.b;
        let h = 0x811c9dc5;
        for (let i = start; i < end; i++)
            h = Math.imul(h ^ b[i], 0x01000193);
        return h >>> 0;
    }
    /** Whether the bytes in [a, a + length) and [c, c + length) are the same. */
    sameBytes(a, c, length) {
        const b = this.b;
        for (let k = 0; k < length; k++)
            if (b[a + k] !== b[c + k])
                return false;
        return true;
    }
    /** Whether the key whose opening quote is at `at` is exactly `name` (ASCII, no escapes). */
    keyIs(at, name) {
        return this.b[at + 1 + name.length] === QUOTE && this.startsWith(at + 1, name);
    }
    /** Whether the bytes at `at` begin with `name`. */
    startsWith(at, name) {
        const b = this.b;
        for (let k = 0; k < name.length; k++)
            if (b[at + k] !== name[k])
                return false;
        return true;
    }
    /**
     * Calls `onEntry(keyAt, valueStart)` for each member of the object at `i` (`keyAt`: the
     * key's opening quote; compare with keyIs, decode with readString only when needed);
     * `onEntry` returns the index just after the value. Returns the index after the brace.
     */
    object(i, onEntry) {
        const b = this.b;
        if (b[i] !== OPEN_OBJECT)
            throw new Malformed(i);
        i = this.ws(i + 1);
        if (b[i] === CLOSE_OBJECT)
            return i + 1;
        for (;;) {
            const keyAt = i;
            if (b[i] !== QUOTE)
                throw new Malformed(i);
            i = this.ws(this.skipString(i));
            if (b[i] !== COLON)
                throw new Malformed(i);
            i = this.ws(onEntry(keyAt, this.ws(i + 1)));
            if (b[i] === COMMA)
                i = this.ws(i + 1);
            else if (b[i] === CLOSE_OBJECT)
                return i + 1;
            else
                throw new Malformed(i);
        }
    }
    /** From inside an object or array (past its opening bracket), the index just after it. */
    skipRestOfContainer(i) {
        const b = this.b;
        let depth = 1;
        while (i < b.length) {
            const ch = b[i];
            if (ch === QUOTE) {
                i = this.skipString(i);
                continue;
            }
            if (ch === OPEN_OBJECT || ch === OPEN_ARRAY)
                depth++;
            else if (ch === CLOSE_OBJECT || ch === CLOSE_ARRAY) {
                if (--depth === 0)
                    return i + 1;
            }
            else if (!ALLOWED[ch])
                throw new Malformed(i);
            i++;
        }
        throw new Malformed(i);
    }
    /** Calls `onItem(valueStart, index)` for each element of the array at `i`. */
    array(i, onItem) {
        const b = this.b;
        if (b[i] !== OPEN_ARRAY)
            throw new Malformed(i);
        i = this.ws(i + 1);
        if (b[i] === CLOSE_ARRAY)
            return i + 1;
        for (let n = 0;; n++) {
            i = this.ws(onItem(i, n));
            if (b[i] === COMMA)
                i = this.ws(i + 1);
            else if (b[i] === CLOSE_ARRAY)
                return i + 1;
            else
                throw new Malformed(i);
        }
    }
}
const plan_reader_PLAN_KEYS = ['format_version', 'planned_values', 'resource_changes', 'prior_state', 'configuration'];
const ascii = (s) => new TextEncoder().encode(s);
const K = {
    address: ascii('address'),
    mode: ascii('mode'),
    change: ascii('change'),
    actions: ascii('actions'),
    before: ascii('before'),
    data: ascii('data'),
    module: ascii('module.'),
    resources: ascii('resources'),
    childModules: ascii('child_modules'),
    rootModule: ascii('root_module'),
    values: ascii('values'),
};
/**
 * One resource change, parsed in one JSON.parse call: the entry's text with `change.before`
 * cut out (replaced by null) unless the change deletes or forgets the resource, the only
 * case where the model reads it.
 */
function readChange(r, at) {
    let addressAt = at;
    let addressValue = -1;
    let addressEnd = -1;
    let before;
    let deletes = false;
    const end = r.object(at, (keyAt, v) => {
        if (r.keyIs(keyAt, K.address)) {
            addressAt = keyAt;
            if (r.b[v] === QUOTE) {
                addressValue = v;
                return (addressEnd = r.skipString(v));
            }
        }
        if (!r.keyIs(keyAt, K.change) || r.b[v] !== OPEN_OBJECT)
            return r.skipValue(v);
        return r.object(v, (ck, cv) => {
            const cEnd = r.skipValue(cv);
            if (r.keyIs(ck, K.actions)) {
                const actions = r.parse(cv, cEnd);
                deletes = Array.isArray(actions) && (actions.includes('delete') || actions.includes('forget'));
            }
            else if (r.keyIs(ck, K.before))
                before = [cv, cEnd];
            return cEnd;
        });
    });
    const cut = before && !deletes && before[1] - before[0] > 4 ? before : undefined;
    const text = cut ? withinStringLimit(at, () => `${r.decode(at, cut[0])}null${r.decode(cut[1], end)}`) : r.decode(at, end);
    return { change: JSON.parse(text), end, addressAt, addressValue, addressEnd };
}
/** Resource entries of a module tree (planned_values or prior_state), located by address. */
/** Deeper than any module tree Terraform makes: past it the text path reports the file. */
const MAX_MODULE_NESTING = 64;
function scanModule(r, at, into, depth = 0) {
    if (depth > MAX_MODULE_NESTING)
        throw new Malformed(at);
    return r.object(at, (key, v) => {
        if (r.keyIs(key, K.resources)) {
            return r.array(v, (item) => {
                // Terraform writes "address" and "mode" first: read members until both are seen,
                // then skip the rest of the entry without looking at its keys. Neither is decoded.
                let addressStart = -1;
                let addressEnd = -1;
                let addressAt = item;
                let modeAt = -1;
                const b = r.b;
                let i = r.ws(item + 1);
                if (b[item] !== OPEN_OBJECT)
                    throw new Malformed(i);
                while (b[i] === QUOTE && (addressStart < 0 || modeAt < 0)) {
                    const keyAt = i;
                    i = r.ws(r.skipString(i));
                    if (b[i] !== COLON)
                        throw new Malformed(i);
                    i = r.ws(i + 1);
                    const value = i;
                    i = r.skipValue(i);
                    if (b[value] === QUOTE) {
                        if (r.keyIs(keyAt, K.address)) {
                            addressStart = value + 1;
                            addressEnd = i - 1;
                            addressAt = keyAt;
                        }
                        else if (r.keyIs(keyAt, K.mode))
                            modeAt = value;
                    }
                    i = r.ws(i);
                    if (b[i] === COMMA)
                        i = r.ws(i + 1);
                }
                const end = b[i] === CLOSE_OBJECT ? i + 1 : r.skipRestOfContainer(i);
                if (addressStart >= 0)
                    into.push({ addressStart, addressEnd, hash: r.hash(addressStart, addressEnd), addressAt, modeAt, nested: depth > 0, start: item, end });
                return end;
            });
        }
        if (r.keyIs(key, K.childModules))
            return r.array(v, (child) => scanModule(r, child, into, depth + 1));
        return r.skipValue(v);
    });
}
function readPlanObject(r, at) {
    const plan = {};
    const changeOffsets = [];
    const changeAddressAt = [];
    /** Each change's raw address bytes, quotes excluded ([-1, -1] where it has no string address). */
    const changeAddresses = [];
    const planned = [];
    const prior = [];
    const seen = new Map();
    const end = r.object(at, (keyAt, v) => {
        const key = r.readString(keyAt).value;
        // JSON.parse would keep the last of two: a second `resource_changes: []` would empty the plan.
        const first = seen.get(key);
        if (first !== undefined)
            throw new DuplicateKey(key, first, keyAt);
        seen.set(key, keyAt);
        if (key === 'resource_changes' && r.b[v] === OPEN_ARRAY) {
            const changes = [];
            const e = r.array(v, (item) => {
                changeOffsets.push(item);
                const c = readChange(r, item);
                changes.push(c.change);
                changeAddressAt.push(c.addressAt);
                changeAddresses.push(c.addressValue < 0 ? [-1, -1] : [c.addressValue + 1, c.addressEnd - 1]);
                return c.end;
            });
            plan[key] = changes;
            return e;
        }
        if (key === 'planned_values' && r.b[v] === OPEN_OBJECT) {
            plan[key] = {};
            return r.object(v, (k, kv) => (r.keyIs(k, K.rootModule) && r.b[kv] === OPEN_OBJECT ? scanModule(r, kv, planned) : r.skipValue(kv)));
        }
        if (key === 'prior_state' && r.b[v] === OPEN_OBJECT) {
            plan[key] = {};
            return r.object(v, (k, kv) => r.keyIs(k, K.values) && r.b[kv] === OPEN_OBJECT ? r.object(kv, (vk, vv) => (r.keyIs(vk, K.rootModule) && r.b[vv] === OPEN_OBJECT ? scanModule(r, vv, prior) : r.skipValue(vv))) : r.skipValue(kv));
        }
        const e = r.skipValue(v);
        plan[key] = SKIPPED.has(key) ? {} : r.parse(v, e);
        return e;
    });
    const addressOffsets = new Map();
    plan.resource_changes?.forEach((c, i) => {
        if (typeof c.address === 'string' && !addressOffsets.has(c.address))
            addressOffsets.set(c.address, changeAddressAt[i]);
    });
    // The changes' raw addresses by hash (a chain per hash), to pass over the entries that repeat them.
    const firstWithHash = new Map();
    const nextWithHash = new Int32Array(changeAddresses.length).fill(-1);
    changeAddresses.forEach(([start, endAt], i) => {
        if (start < 0)
            return;
        const h = r.hash(start, endAt);
        const first = firstWithHash.get(h);
        if (first !== undefined)
            nextWithHash[i] = first;
        firstWithHash.set(h, i);
    });
    const isChangeAddress = (c) => {
        const length = c.addressEnd - c.addressStart;
        for (let i = firstWithHash.get(c.hash) ?? -1; i >= 0; i = nextWithHash[i]) {
            const [start, endAt] = changeAddresses[i];
            if (endAt - start === length && r.sameBytes(start, c.addressStart, length))
                return true;
        }
        return false;
    };
    const decoded = (quoteAt) => {
        try {
            return r.readString(quoteAt).value;
        }
        catch {
            throw new MalformedEntry(quoteAt);
        }
    };
    const isData = (c) => c.modeAt >= 0 && (r.keyIs(c.modeAt, K.data) || decoded(c.modeAt) === 'data');
    const extraEntries = (which, known) => {
        const out = [];
        for (const c of which === 'planned' ? planned : prior) {
            if (isChangeAddress(c))
                continue;
            // Terraform 0.12 wrote a child module's entries with addresses relative to the module
            // (`aws_alb.alb` for `module.alb.aws_alb.alb`): such a resource cannot be placed.
            if (c.nested && !r.startsWith(c.addressStart, K.module) && !isData(c))
                continue;
            const address = decoded(c.addressStart - 1);
            if (known.has(address))
                continue;
            if (!addressOffsets.has(address))
                addressOffsets.set(address, c.addressAt);
            let entry;
            try {
                entry = r.parse(c.start, c.end);
            }
            catch (e) {
                throw e instanceof TooLong ? e : new MalformedEntry(c.start);
            }
            out.push({ entry, offset: c.start });
        }
        return out;
    };
    return { result: { plan, changeOffsets, addressOffsets, extraEntries }, end };
}
/**
 * The plan in `bytes` (UTF-8, no byte-order mark), read selectively; a failure when the
 * bytes are not one well-formed JSON object holding a plan.
 */
function readPlanSelectively(bytes) {
    const r = new ByteReader(bytes);
    try {
        const start = r.ws(0);
        if (bytes[start] !== OPEN_OBJECT)
            return { problem: 'malformed', at: start };
        const { result, end } = readPlanObject(r, start);
        // Trailing data, a wrapped plan (OPA / Scalr input) or something that is not a plan:
        // the full path knows what to say, and such files are small.
        const after = r.ws(end);
        if (after !== bytes.length)
            return { problem: 'trailing-data', at: after };
        if (!plan_reader_PLAN_KEYS.some((k) => k in result.plan))
            return { problem: 'not-a-plan', at: start };
        return result;
    }
    catch (e) {
        if (e instanceof Malformed)
            return { problem: 'malformed', at: e.at };
        if (e instanceof TooLong)
            return { problem: 'too-long', at: e.at };
        if (e instanceof DuplicateKey)
            return { problem: 'duplicate-key', at: e.at, key: e.key, first: e.first };
        if (e instanceof SyntaxError || e instanceof TypeError)
            return { problem: 'malformed', at: 0 };
        throw e;
    }
}
/**
 * Line and column of a byte offset: lines by line feeds, columns in characters (code
 * points). Terraform writes a plan on one line, so prefix counts are cached per 4 KiB
 * block to keep a late column cheap.
 */
class ByteLineIndex {
    file;
    b;
    lineStarts;
    /** For each line start: characters before each 4 KiB block of the line, extended on demand. */
    prefixes = new Map();
    /** Per line start: whether each block is plain ASCII (a column there is a byte count). */
    asciiBlocks = new Map();
    constructor(file, b) {
        this.file = file;
        this.b = b;
    }
    starts() {
        if (!this.lineStarts) {
            const s = [0];
            for (let i = this.b.indexOf(0x0a); i >= 0; i = this.b.indexOf(0x0a, i + 1))
                s.push(i + 1);
            this.lineStarts = s;
        }
        return this.lineStarts;
    }
    ascii;
    /** Whether the whole file is ASCII (the usual plan): then a column is a byte count. */
    allAscii() {
        // Node's native check reads the bytes many at a time: about ten times a JS loop's speed on a 90 MB plan.
        this.ascii ??= (0,external_node_buffer_namespaceObject.isAscii)(this.b);
        return this.ascii;
    }
    /** Characters (not continuation bytes) in [from, to). */
    chars(from, to) {
        let n = 0;
        for (let i = from; i < to; i++)
            if ((this.b[i] & 0xc0) !== 0x80)
                n++;
        return n;
    }
    at(offset) {
        const starts = this.starts();
        const o = Math.max(0, Math.min(offset, this.b.length));
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= o)
                lo = mid;
            else
                hi = mid - 1;
        }
        const lineStart = starts[lo];
        if (this.allAscii())
            return { file: this.file, line: lo + 1, column: o - lineStart + 1 };
        const BLOCK = 4096;
        const block = Math.floor((o - lineStart) / BLOCK);
        let prefix = this.prefixes.get(lineStart);
        let ascii = this.asciiBlocks.get(lineStart);
        if (!prefix || !ascii) {
            this.prefixes.set(lineStart, (prefix = [0]));
            this.asciiBlocks.set(lineStart, (ascii = []));
        }
        while (prefix.length <= block + 1) {
            const k = prefix.length - 1;
            const from = lineStart + k * BLOCK;
            const to = Math.min(from + BLOCK, this.b.length);
            const n = this.chars(from, to);
            prefix.push(prefix[k] + n);
            ascii.push(n === to - from);
            if (to === this.b.length)
                break;
        }
        const blockStart = lineStart + block * BLOCK;
        const column = prefix[block] + (ascii[block] ? o - blockStart : this.chars(blockStart, o));
        return { file: this.file, line: lo + 1, column: column + 1 };
    }
}

;// CONCATENATED MODULE: ./src/core/terraform/plan-input.ts





/**
 * A Terraform plan file as `terraform show -json plan.out` writes it, checked to be one.
 * Everything else a pipeline can leave in `plan.json` gets an error that says what the
 * file is and how to make a plan: state files, HCL, YAML, the streamed `plan -json` UI
 * log, the setup-terraform wrapper's stdout, the HCP Terraform redacted plan, a binary
 * planfile, cut-off or trailing JSON.
 */
/** Up to this size a file that is not a clean plan is decoded whole, to say exactly what is wrong. */
const TEXT_PATH_MAX_BYTES = 256 * 1024 * 1024;
const HOW_TO_MAKE_A_PLAN = 'Make the plan JSON with `terraform plan -out=plan.out` then `terraform show -json plan.out > plan.json`.';
const plan_input_PLAN_KEYS = ['planned_values', 'resource_changes', 'prior_state', 'configuration'];
function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
/** What a non-plan text looks like, by its first lines; undefined when it may be JSON. */
function describeNonJson(text) {
    const head = text.slice(0, 4096);
    if (/^\s*\[command\]/.test(head) || /^::(set-output|debug|group)/m.test(head)) {
        return 'this is the stdout of the hashicorp/setup-terraform wrapper (a "[command]…" line and "::set-output" lines around the JSON), not a plan file. Set `terraform_wrapper: false` on the setup-terraform step (or strip those lines), then write the plan with `terraform show -json plan.out > plan.json`.';
    }
    if (/^\s*(resource|data|module|provider|variable|output|locals|terraform)\s+("[^"\n]*"\s*)*\{/m.test(head)) {
        return `this is Terraform configuration (HCL), not a plan. topogate reads the plan JSON: ${HOW_TO_MAKE_A_PLAN}`;
    }
    if (/(Terraform will perform the following actions|Terraform used the selected providers|No changes\.|Plan: \d+ to add)/.test(head)) {
        return `this is the human-readable output of terraform plan or terraform show, not JSON. ${HOW_TO_MAKE_A_PLAN}`;
    }
    if (/^\s*(---\s*$|%YAML|version:\s*\d|[A-Za-z_][\w.-]*:\s)/m.test(head) && !/^\s*[{[]/.test(head)) {
        return `this looks like YAML, not a Terraform plan. Pass topology files with --topology (action input \`topology\`); for a plan, ${HOW_TO_MAKE_A_PLAN.charAt(0).toLowerCase()}${HOW_TO_MAKE_A_PLAN.slice(1)}`;
    }
    return undefined;
}
/** A top-level JSON object that is not a plan: what it is, or undefined when it may be one. */
function describeNonPlanObject(v) {
    if ('plan_format_version' in v) {
        return 'this is an HCP Terraform redacted plan (the json-output-redacted API), which has no configuration and a different schema. Download the full plan JSON (`GET /api/v2/plans/:id/json-output`) or run `terraform show -json plan.out > plan.json` in the workspace.';
    }
    if ('lineage' in v && 'serial' in v && Array.isArray(v.resources)) {
        return `this is a Terraform state file (terraform.tfstate), not a plan: it describes what exists, not what the change will create. ${HOW_TO_MAKE_A_PLAN}`;
    }
    if (isObject(v.values) && !plan_input_PLAN_KEYS.some((k) => k in v)) {
        return `this is the JSON of a Terraform state (\`terraform show -json\` without a plan file), not a plan. ${HOW_TO_MAKE_A_PLAN}`;
    }
    if ('provider_schemas' in v && !plan_input_PLAN_KEYS.some((k) => k in v)) {
        return `this is the output of \`terraform providers schema -json\`, not a plan. ${HOW_TO_MAKE_A_PLAN}`;
    }
    if ('@level' in v || '@message' in v) {
        return 'this is the streamed log of `terraform plan -json` (one message per line), not the plan itself. Save the plan with `terraform plan -out=plan.out`, then write its JSON with `terraform show -json plan.out > plan.json`.';
    }
    if ('valid' in v && 'diagnostics' in v)
        return `this is the output of \`terraform validate -json\`, not a plan. ${HOW_TO_MAKE_A_PLAN}`;
    if ('AWSTemplateFormatVersion' in v || (isObject(v.Resources) && !('format_version' in v))) {
        return 'this is an AWS CloudFormation template, not a Terraform plan. topogate reads `terraform show -json` plans and topology files.';
    }
    if (typeof v.$schema === 'string' && /deploymentTemplate|deploymentParameters/i.test(v.$schema)) {
        return 'this is an Azure Resource Manager template, not a Terraform plan. topogate reads `terraform show -json` plans and topology files.';
    }
    if (Array.isArray(v.steps) && ('config' in v || 'changeSummary' in v)) {
        return 'this is the output of `pulumi preview --json`, not a Terraform plan. topogate reads `terraform show -json` plans and topology files.';
    }
    if (!('format_version' in v) && !plan_input_PLAN_KEYS.some((k) => k in v)) {
        const keys = Object.keys(v).slice(0, 5).map((k) => `"${k}"`).join(', ');
        return `this JSON is not a Terraform plan: it has none of format_version, planned_values, resource_changes, configuration${keys ? ` (its keys start ${keys})` : ''}. ${HOW_TO_MAKE_A_PLAN}`;
    }
    return undefined;
}
function syntaxProblem(text, file, lines) {
    const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const scan = scanJson(text, start);
    if (!scan.ok) {
        const truncated = /ends before it is complete|never closed/.test(scan.message);
        return InputError.at(lines.at(scan.offset), `invalid JSON: ${scan.message}.${truncated ? ` Write the whole plan again: ${HOW_TO_MAKE_A_PLAN}` : ' Is this the output of `terraform show -json`?'}`);
    }
    // The first value is fine: something follows it.
    let rest = scan.end;
    while (rest < text.length && /\s/.test(text[rest]))
        rest++;
    const tail = text.slice(rest, rest + 200);
    if (/^(%0A|::set-output|::debug)/.test(tail)) {
        return InputError.at(lines.at(rest), 'the plan JSON is followed by the hashicorp/setup-terraform wrapper\'s "::set-output" lines. Set `terraform_wrapper: false` on the setup-terraform step (or strip those lines), then write the plan with `terraform show -json plan.out > plan.json`.');
    }
    if (/^\{\s*"@level"/.test(tail) || /^\{\s*"@message"/.test(tail)) {
        return InputError.at(lines.at(0), 'this is the streamed log of `terraform plan -json` (one message per line), not the plan itself. Save the plan with `terraform plan -out=plan.out`, then write its JSON with `terraform show -json plan.out > plan.json`.');
    }
    const end = lines.at(scan.end - 1);
    const shown = JSON.stringify(tail.slice(0, 20).split('\n')[0]);
    return InputError.at(lines.at(rest), `unexpected ${shown} after the end of the JSON: the plan object closes at line ${end.line} column ${end.column}, and a plan file holds exactly one JSON object. A brace closes too early, or something (another document, a log line) follows the plan; write it again: ${HOW_TO_MAKE_A_PLAN}`);
}
function parseVersion(v) {
    if (typeof v !== 'string')
        return undefined;
    const m = /^(\d+)\.(\d+)/.exec(v);
    return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}
/**
 * Decodes and checks a plan file; throws an InputError saying what the file is otherwise.
 * A well-formed plan is read from its bytes, parsing only what topogate uses; anything
 * else takes the full text path, which says exactly what is wrong and where.
 */
function parsePlan(input, file, options = {}) {
    const bytes = typeof input === 'string' ? new TextEncoder().encode(stripBom(input)) : utf8Bytes(input, file);
    const fast = readPlanSelectively(bytes);
    const lines = new ByteLineIndex(file, bytes);
    if ('problem' in fast) {
        if (fast.problem === 'too-long')
            throw tooLong(lines, fast.at, bytes.length);
        if (fast.problem === 'duplicate-key') {
            const first = lines.at(fast.first ?? 0);
            throw InputError.at(lines.at(fast.at), `the plan object has a second "${fast.key}" (the first is at line ${first.line} column ${first.column}); JSON readers keep only one of them, so part of the plan would be ignored. A plan written by Terraform holds each key once: write it again. ${HOW_TO_MAKE_A_PLAN}`);
        }
        // The full text path says exactly what is wrong, on a file that fits in a string.
        if (bytes.length <= (options.textPathMaxBytes ?? TEXT_PATH_MAX_BYTES))
            return parsePlanText(decodeUtf8(bytes, file), file);
        const mib = (bytes.length / 1048576).toFixed(0);
        const what = {
            malformed: 'the JSON is not well formed here (cut off, or a stray character)',
            'trailing-data': 'something follows the plan object here, and a plan file holds exactly one JSON object',
            'not-a-plan': 'this JSON object is not a Terraform plan: it has none of format_version, planned_values, resource_changes, configuration',
        }[fast.problem];
        throw InputError.at(lines.at(fast.at), `this ${mib} MiB file is not a plan topogate can read: ${what}. ${HOW_TO_MAKE_A_PLAN}`);
    }
    let textual;
    // Paths inside the plan are only needed for error messages: then decode the text once.
    const full = () => (textual ??= parsePlanText(decodeUtf8(bytes, file), file));
    const located = new Map();
    const doc = {
        file,
        plan: fast.plan,
        formatVersion: typeof fast.plan.format_version === 'string' ? fast.plan.format_version : undefined,
        terraformVersion: typeof fast.plan.terraform_version === 'string' ? fast.plan.terraform_version : undefined,
        at: (path) => (path.length === 2 && path[0] === 'resource_changes' && typeof path[1] === 'number' && fast.changeOffsets[path[1]] !== undefined ? lines.at(fast.changeOffsets[path[1]]) : full().at(path)),
        locateAddress: (address) => {
            let loc = located.get(address);
            if (!loc) {
                const o = fast.addressOffsets.get(address);
                if (o === undefined)
                    return undefined;
                located.set(address, (loc = lines.at(o)));
            }
            return loc;
        },
        locateOffset: (offset) => lines.at(offset),
        extraEntries: (which, known) => {
            try {
                return fast.extraEntries(which, known);
            }
            catch (e) {
                if (e instanceof TooLong)
                    throw tooLong(lines, e.at, bytes.length);
                if (!(e instanceof MalformedEntry))
                    throw e;
                // Parsed only now, past the read: the full text path names the exact character.
                if (bytes.length <= (options.textPathMaxBytes ?? TEXT_PATH_MAX_BYTES))
                    full();
                throw InputError.at(lines.at(e.at), `invalid JSON in this resource entry (a bad escape or character in a string). ${HOW_TO_MAKE_A_PLAN}`);
            }
        },
    };
    checkPlanObject(doc.plan, doc.at, lines.at(0));
    return doc;
}
/** A value past JavaScript's string limit: nothing can parse it, so say where it is and what it is. */
function tooLong(lines, at, size) {
    return InputError.at(lines.at(at), `this ${(size / 1048576).toFixed(0)} MiB plan holds a single value here longer than the 512 MiB of text a JavaScript string can hold, so topogate cannot read it. Plans hold attribute values; is a file's whole content embedded in one (a variable or an attribute)? ${HOW_TO_MAKE_A_PLAN}`);
}
function decodeUtf8(bytes, file) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw InputError.at({ file, line: 1, column: 1 }, 'this file is not valid UTF-8 text. Save it as UTF-8 (or UTF-16 with a byte-order mark).');
    }
}
function isObj(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
/** Resource entries of a module tree, depth first, with their paths. */
/**
 * The resource entries of a module tree. Terraform 0.12 wrote a child module's entries with
 * addresses relative to the module (`aws_alb.alb` for `module.alb.aws_alb.alb`): managed
 * ones are left out, as they cannot be placed.
 */
function moduleEntries(root, base) {
    const out = [];
    const stack = [{ module: root, path: base, nested: false }];
    while (stack.length > 0) {
        const { module, path, nested } = stack.pop();
        if (!isObj(module))
            continue;
        (Array.isArray(module.resources) ? module.resources : []).forEach((r, i) => {
            if (!isObj(r))
                return;
            if (nested && r.mode !== 'data' && typeof r.address === 'string' && !r.address.startsWith('module.'))
                return;
            out.push({ entry: r, path: [...path, 'resources', i] });
        });
        (Array.isArray(module.child_modules) ? module.child_modules : []).forEach((c, i) => stack.push({ module: c, path: [...path, 'child_modules', i], nested: true }));
    }
    return out;
}
/** The full text path: every check with its exact message; wrapped plans; small files. */
function parsePlanText(text, file) {
    const lines = new LineIndex(file, text);
    const start = { file, line: 1, column: 1 };
    if (text.trim() === '')
        throw InputError.at(start, `the file is empty. ${HOW_TO_MAKE_A_PLAN}`);
    const first = text.search(/\S/);
    const wrapper = /^\[command\]/.test(text.slice(first, first + 9));
    const nonJson = wrapper || !/^[{[]/.test(text.slice(first, first + 1)) ? describeNonJson(text) : undefined;
    if (nonJson)
        throw InputError.at(lines.at(first), nonJson);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        // Streamed `plan -json` output is JSON lines: the first line parses on its own.
        const firstLine = text.slice(first).split('\n', 1)[0];
        try {
            const line = JSON.parse(firstLine);
            if (isObject(line)) {
                const what = describeNonPlanObject(line);
                if (what && ('@level' in line || '@message' in line))
                    throw InputError.at(lines.at(first), what);
            }
        }
        catch (e) {
            if (e instanceof InputError)
                throw e;
        }
        throw syntaxProblem(text, file, lines);
    }
    if (!isObject(value)) {
        const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
        throw InputError.at(lines.at(first), `this JSON is ${kind}, not a Terraform plan (an object with format_version, planned_values, resource_changes). ${HOW_TO_MAKE_A_PLAN}`);
    }
    let plan = value;
    let wrappedUnder;
    // OPA / Scalr / Spacelift input style: { "tfplan": <plan>, "tfrun": {...} }.
    if (!('format_version' in value) && !plan_input_PLAN_KEYS.some((k) => k in value)) {
        for (const key of ['tfplan', 'plan']) {
            const inner = value[key];
            if (isObject(inner) && ('format_version' in inner || plan_input_PLAN_KEYS.some((k) => k in inner))) {
                plan = inner;
                wrappedUnder = key;
                break;
            }
        }
    }
    const base = wrappedUnder ? [wrappedUnder] : [];
    const at = (path) => {
        const offset = offsetOfPath(text, [...base, ...path]);
        return offset === undefined ? start : lines.at(offset);
    };
    checkPlanObject(plan, at, lines.at(first));
    let offsets;
    return {
        file,
        plan,
        wrappedUnder,
        formatVersion: typeof plan.format_version === 'string' ? plan.format_version : undefined,
        terraformVersion: typeof plan.terraform_version === 'string' ? plan.terraform_version : undefined,
        at,
        locateAddress: (address) => {
            if (!offsets) {
                offsets = new Map();
                const re = /"address"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
                for (let m = re.exec(text); m; m = re.exec(text)) {
                    let a = m[1];
                    if (a.includes('\\')) {
                        try {
                            a = JSON.parse(`"${a}"`);
                        }
                        catch {
                            continue;
                        }
                    }
                    if (!offsets.has(a))
                        offsets.set(a, m.index);
                }
            }
            const o = offsets.get(address);
            return o === undefined ? undefined : lines.at(o);
        },
        locateOffset: (offset) => lines.at(offset),
        extraEntries: (which, known) => {
            const entries = which === 'planned'
                ? (isObj(plan.planned_values) ? moduleEntries(plan.planned_values.root_module, ['planned_values', 'root_module']) : [])
                : isObj(plan.prior_state) && isObj(plan.prior_state.values) ? moduleEntries(plan.prior_state.values.root_module, ['prior_state', 'values', 'root_module']) : [];
            return entries.filter((e) => !(typeof e.entry.address === 'string' && known.has(e.entry.address)));
        },
    };
}
/** What every plan object must be, whichever way it was read. */
function checkPlanObject(plan, at, start) {
    const what = describeNonPlanObject(plan);
    if (what)
        throw InputError.at(start, what);
    const version = parseVersion(plan.format_version);
    if (plan.format_version !== undefined && (!version || version.major > 1)) {
        throw InputError.at(at(['format_version']), `format_version ${JSON.stringify(plan.format_version)} is not one topogate reads (0.1 to 1.x, from Terraform 0.12 on). Upgrade topogate, or write the plan with a Terraform release that emits format 1.x.`);
    }
    if (plan.errored === true) {
        throw InputError.at(at(['errored']), 'this plan is from a terraform plan that failed ("errored": true), so it is incomplete. Fix the errors terraform reported and make the plan again.');
    }
    for (const key of ['resource_changes']) {
        if (plan[key] !== undefined && plan[key] !== null && !Array.isArray(plan[key])) {
            throw InputError.at(at([key]), `"${key}" must be an array in a plan from \`terraform show -json\`; this file has ${typeof plan[key]}. Is it hand-edited? ${HOW_TO_MAKE_A_PLAN}`);
        }
    }
    for (const key of ['planned_values', 'prior_state', 'configuration', 'variables']) {
        if (plan[key] !== undefined && plan[key] !== null && !isObject(plan[key])) {
            throw InputError.at(at([key]), `"${key}" must be an object in a plan from \`terraform show -json\`. Is the file hand-edited? ${HOW_TO_MAKE_A_PLAN}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/terraform/addresses.ts
/**
 * Terraform addresses and references as plans write them:
 * `module.net["eu"].aws_security_group.db[0]`, `aws_security_group.fe.id`,
 * `module.sg.security_group_id`, `var.sg_ids`. Parsed by a tokenizer (instance keys are
 * quoted strings that may hold dots and brackets), never by splitting on dots.
 */
/** Module nesting beyond this is refused (in configuration and in addresses): Terraform configurations do not go near it. */
const MAX_MODULE_DEPTH = 100;
/** Splits `a.b["k"][0].c` into names and keys; undefined when it is not a traversal. */
function tokenize(text) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === '.') {
            if (i === 0 || text[i + 1] === undefined)
                return undefined;
            i++;
            continue;
        }
        if (c === '[') {
            const close = findKeyEnd(text, i);
            if (close < 0)
                return undefined;
            const inner = text.slice(i + 1, close);
            if (inner === '*')
                tokens.push({ kind: 'splat' });
            else if (/^\d+$/.test(inner))
                tokens.push({ kind: 'key', key: Number(inner) });
            else if (inner.startsWith('"')) {
                const key = unquoteKey(inner);
                if (key === undefined)
                    return undefined;
                tokens.push({ kind: 'key', key });
            }
            else
                return undefined;
            i = close + 1;
            continue;
        }
        const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
        if (!m)
            return undefined;
        tokens.push({ kind: 'name', text: m[0] });
        i += m[0].length;
    }
    return tokens;
}
const SHORT_ESCAPES = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', '/': '/', a: '\u0007', b: '\b', f: '\f', v: '\v' };
const HEX_DIGITS = { x: 2, u: 4, U: 8 };
/**
 * The key of a quoted instance key as Terraform writes it in an address. Current releases
 * quote it for HCL: `\n \r \t \" \\`, `\uNNNN` / `\UNNNNNNNN` for characters that do not
 * print, and `$${` / `%%{` for a literal `${` / `%{`. Older ones used Go's `%q`, which
 * adds `\a \b \f \v` and `\xNN`. JSON's escapes read the same. Undefined when it is not
 * a quoted string.
 */
function unquoteKey(quoted) {
    if (quoted.length < 2 || !quoted.startsWith('"') || !quoted.endsWith('"'))
        return undefined;
    let out = '';
    for (let i = 1; i < quoted.length - 1; i++) {
        const c = quoted[i];
        if ((c === '$' || c === '%') && quoted[i + 1] === c && quoted[i + 2] === '{') {
            out += c;
            i++;
            continue;
        }
        if (c !== '\\') {
            if (c === '"')
                return undefined;
            out += c;
            continue;
        }
        const e = quoted[++i];
        const short = SHORT_ESCAPES[e];
        if (short !== undefined) {
            out += short;
            continue;
        }
        const digits = HEX_DIGITS[e];
        const hex = digits === undefined ? '' : quoted.slice(i + 1, i + 1 + digits);
        if (digits === undefined || hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex))
            return undefined;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff)
            return undefined;
        // `\uD83D\uDE00` (JSON) pairs up as two code units; Terraform writes `\U0001F600`.
        out += code <= 0xffff ? String.fromCharCode(code) : String.fromCodePoint(code);
        i += digits;
    }
    return out;
}
/** Index of the `]` closing the bracket at `open`, skipping quoted text. */
function findKeyEnd(text, open) {
    let i = open + 1;
    if (text[i] === '"') {
        i++;
        while (i < text.length && text[i] !== '"')
            i += text[i] === '\\' ? 2 : 1;
        i++;
    }
    while (i < text.length && text[i] !== ']')
        i++;
    return i < text.length ? i : -1;
}
function formatKey(key) {
    if (key === undefined)
        return '';
    return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
/** `module.a["k"].module.b[0]` (or `[*]`, deferred) -> steps; undefined for anything else. The root module is `''` -> []. */
function parseModuleAddress(text) {
    if (text === null || text === undefined || text === '')
        return [];
    const tokens = tokenize(text);
    if (!tokens)
        return undefined;
    const steps = [];
    for (let i = 0; i < tokens.length;) {
        const t = tokens[i];
        const n = tokens[i + 1];
        if (t.kind !== 'name' || t.text !== 'module' || n?.kind !== 'name')
            return undefined;
        const k = tokens[i + 2];
        if (k?.kind === 'key') {
            steps.push({ name: n.text, key: k.key });
            i += 3;
        }
        else if (k?.kind === 'splat') {
            steps.push({ name: n.text, wildcard: true });
            i += 3;
        }
        else {
            steps.push({ name: n.text });
            i += 2;
        }
    }
    return steps;
}
/** The canonical module instance address: `module.a["k"].module.b[0]`, `''` for the root. */
function formatModuleInstance(steps) {
    return steps.map((s) => `module.${s.name}${s.wildcard ? '[*]' : formatKey(s.key)}`).join('.');
}
/** The module path in configuration, without instance keys: `module.a.module.b`. */
function formatModulePath(steps) {
    return steps.map((s) => `module.${s.name}`).join('.');
}
function joinAddress(prefix, rest) {
    return prefix === '' ? rest : `${prefix}.${rest}`;
}
function parseReference(text) {
    const tokens = tokenize(text);
    if (!tokens || tokens.length === 0 || tokens[0].kind !== 'name')
        return { kind: 'unparsed', text };
    const head = tokens[0].text;
    const nameAt = (i) => (tokens[i]?.kind === 'name' ? tokens[i].text : undefined);
    const keyAt = (i) => (tokens[i]?.kind === 'key' ? tokens[i].key : undefined);
    switch (head) {
        case 'var': {
            const name = nameAt(1);
            return name ? { kind: 'var', name } : { kind: 'unparsed', text };
        }
        case 'local': {
            const name = nameAt(1);
            return name ? { kind: 'local', name } : { kind: 'unparsed', text };
        }
        case 'count':
            return nameAt(1) === 'index' ? { kind: 'count-index' } : { kind: 'ignored', text };
        case 'each':
            return { kind: 'each', what: nameAt(1) ?? 'value' };
        case 'path':
        case 'terraform':
        case 'self':
            return { kind: 'ignored', text };
        case 'module': {
            const name = nameAt(1);
            if (!name)
                return { kind: 'unparsed', text };
            const key = keyAt(2);
            const hasKey = key !== undefined;
            const output = nameAt(hasKey ? 3 : 2);
            return { kind: 'module', name, key, hasKey, output };
        }
        case 'data': {
            const type = nameAt(1);
            const name = nameAt(2);
            if (!type || !name)
                return { kind: 'unparsed', text };
            const key = keyAt(3);
            return { kind: 'resource', mode: 'data', type, name, key, hasKey: key !== undefined, attribute: attributePath(tokens, key !== undefined ? 4 : 3) };
        }
        default: {
            const name = nameAt(1);
            if (!name)
                return { kind: 'unparsed', text };
            const key = keyAt(2);
            return { kind: 'resource', mode: 'managed', type: head, name, key, hasKey: key !== undefined, attribute: attributePath(tokens, key !== undefined ? 3 : 2) };
        }
    }
}
function attributePath(tokens, from) {
    const out = [];
    for (let i = from; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.kind === 'name')
            out.push(t.text);
        else
            break;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/terraform/plan-resources.ts


// Shared answers: lookups run several times per rule of every group.
const UNKNOWN = Object.freeze({ state: 'unknown' });
const ABSENT = Object.freeze({ state: 'absent' });
/** The value at `path` after apply: known, unknown until apply, or absent (null or not set). */
function lookup(res, path) {
    let value = res.values;
    let unknown = res.unknown;
    for (const step of path) {
        if (unknown === true)
            return UNKNOWN;
        value = value !== null && typeof value === 'object' ? value[step] : undefined;
        unknown = unknown !== null && typeof unknown === 'object' ? unknown[step] : undefined;
    }
    if (unknown === true)
        return UNKNOWN;
    if (value === null || value === undefined)
        return ABSENT;
    return { state: 'known', value };
}
/** A known string value, or undefined. */
function knownString(res, path) {
    const l = lookup(res, path);
    return l.state === 'known' && typeof l.value === 'string' && l.value !== '' ? l.value : undefined;
}
/** A known string-to-string map (tags, labels), or an empty map. */
function knownMap(res, path) {
    const l = lookup(res, path);
    const out = {};
    if (l.state !== 'known' || l.value === null || typeof l.value !== 'object' || Array.isArray(l.value))
        return out;
    for (const [k, v] of Object.entries(l.value))
        if (typeof v === 'string')
            out[k] = v;
    return out;
}
function plan_resources_isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function actionOf(actions) {
    const has = (a) => actions.includes(a);
    if (has('delete') && has('create'))
        return 'replace';
    if (has('delete'))
        return 'delete';
    if (has('create'))
        return 'create';
    if (has('update'))
        return 'update';
    if (has('read'))
        return 'read';
    if (has('forget'))
        return 'forget';
    if (has('no-op'))
        return 'no-op';
    return 'unchanged';
}
/** The module steps at the start of a resource instance address (`module.a["k"].aws_x.y[0]`). */
function moduleStepsOfAddress(address) {
    const steps = [];
    const step = /module\.([A-Za-z_][A-Za-z0-9_-]*)(\[(?:\d+|\*|"(?:[^"\\]|\\.)*")\])?\./y;
    let m;
    let at = 0;
    while ((step.lastIndex = at), (m = step.exec(address))) {
        const parsed = parseModuleAddress(`module.${m[1]}${m[2] ?? ''}`);
        if (!parsed || parsed.length !== 1)
            return undefined;
        steps.push(parsed[0]);
        at = step.lastIndex;
    }
    return steps;
}
function buildPlanState(doc) {
    const plan = doc.plan;
    const resources = [];
    const byAddress = new Map();
    /** Resource blocks by module instance, then by local key: their instances, and those by key (0 and "0" differ). */
    const blocks = new Map();
    const children = new Map();
    const seenModules = new Set();
    const deletedAddresses = new Set();
    const deleted = [];
    const locate = (where) => (typeof where === 'number' ? doc.locateOffset(where) : doc.at(where));
    const describeModule = (steps) => steps && { steps, module: formatModuleInstance(steps), modulePath: formatModulePath(steps) };
    const modules = new Map();
    const moduleOf = (moduleAddress) => {
        if (modules.has(moduleAddress))
            return modules.get(moduleAddress);
        const m = describeModule(parseModuleAddress(moduleAddress));
        modules.set(moduleAddress, m);
        return m;
    };
    const make = (raw, where, action, values, unknown) => {
        const bad = (what) => InputError.at(locate(where), `${what}: this is not what \`terraform show -json\` writes. Is the plan hand-edited or cut? Make it again with \`terraform show -json plan.out > plan.json\`.`);
        if (typeof raw.address !== 'string' || typeof raw.type !== 'string' || typeof raw.name !== 'string') {
            throw bad('a resource without a string "address", "type" and "name"');
        }
        // Attributes that are not an object would leave the resource without tags or rules: a
        // silent pass. (Terraform does write null, for a no-op of an instance no longer in state.)
        if (values !== null && values !== undefined && !plan_resources_isObject(values))
            throw bad(`${raw.address} has a ${Array.isArray(values) ? 'list' : typeof values} for its attribute values`);
        const mode = raw.mode === 'data' ? 'data' : 'managed';
        const m = typeof raw.module_address === 'string' ? moduleOf(raw.module_address) : describeModule(moduleStepsOfAddress(raw.address));
        if (!m)
            throw bad(`the module address of ${raw.address} cannot be read`);
        const { steps, module, modulePath } = m;
        // Per-level work follows (each enclosing module is registered): refuse absurd depth first.
        if (steps.length > MAX_MODULE_DEPTH) {
            throw InputError.at(locate(where), `${raw.address.slice(0, 120)}${raw.address.length > 120 ? '…' : ''}: modules are nested more than ${MAX_MODULE_DEPTH} deep in this resource address; that is not a configuration Terraform makes. Is the file generated or hand-edited?`);
        }
        const index = typeof raw.index === 'number' || typeof raw.index === 'string' ? raw.index : undefined;
        const localKey = `${mode === 'data' ? 'data.' : ''}${raw.type}.${raw.name}`;
        return {
            address: raw.address,
            mode,
            type: raw.type,
            name: raw.name,
            index,
            module,
            moduleSteps: steps,
            modulePath,
            localKey,
            configAddress: joinAddress(modulePath, localKey),
            providerName: typeof raw.provider_name === 'string' ? raw.provider_name : '',
            action,
            values: plan_resources_isObject(values) ? values : {},
            unknown: unknown ?? {},
        };
    };
    const add = (raw, where, action, values, unknown) => {
        if (typeof raw.address === 'string' && byAddress.has(raw.address))
            return;
        const res = make(raw, where, action, values, unknown);
        resources.push(res);
        byAddress.set(res.address, res);
        let inModule = blocks.get(res.module);
        if (!inModule)
            blocks.set(res.module, (inModule = new Map()));
        let block = inModule.get(res.localKey);
        if (!block)
            inModule.set(res.localKey, (block = { instances: [] }));
        block.instances.push(res);
        if (res.index !== undefined)
            (block.byKey ??= new Map()).set(res.index, res);
        // Each module instance is registered with its parent once, not once per resource in it.
        if (res.module !== '' && !seenModules.has(res.module)) {
            seenModules.add(res.module);
            const steps = res.moduleSteps;
            for (let i = 0; i < steps.length; i++) {
                const parent = formatModuleInstance(steps.slice(0, i));
                const key = `${parent}|${steps[i].name}`;
                const set = children.get(key) ?? new Set();
                set.add(formatModuleInstance(steps.slice(0, i + 1)));
                children.set(key, set);
            }
        }
    };
    const readChange = (rc, where) => {
        if (!plan_resources_isObject(rc) || !plan_resources_isObject(rc.change) || !Array.isArray(rc.change.actions)) {
            throw InputError.at(doc.at(where), 'a resource change without a "change" object holding an "actions" list: this is not what `terraform show -json` writes. Make the plan again with `terraform show -json plan.out > plan.json`.');
        }
        const action = actionOf(rc.change.actions);
        if (action === 'delete') {
            const gone = make(rc, where, 'no-op', rc.change.before, {});
            deletedAddresses.add(gone.address);
            deleted.push(gone);
            return;
        }
        const values = action === 'forget' ? rc.change.before : rc.change.after;
        add(rc, where, action, values, action === 'forget' ? {} : rc.change.after_unknown);
    };
    const changes = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
    changes.forEach((rc, i) => readChange(rc, ['resource_changes', i]));
    // Changes Terraform defers to a later plan and apply (`deferred_changes`, in a plan with
    // `"complete": false`: a count or for_each unknown until apply, a provider configured from
    // values unknown until apply) are still what the configuration asks for. They are modelled as
    // the others, their unknown values making verdicts unknown, rather than missing from the model:
    // a deferred server or rule left out would pass or fail in silence.
    const entryPaths = new Map();
    const deferredChanges = Array.isArray(plan.deferred_changes) ? plan.deferred_changes : [];
    deferredChanges.forEach((d, i) => {
        const where = ['deferred_changes', i, 'resource_change'];
        readChange(plan_resources_isObject(d) ? d.resource_change : undefined, where);
        const address = plan_resources_isObject(d) && plan_resources_isObject(d.resource_change) ? d.resource_change.address : undefined;
        if (typeof address === 'string' && !entryPaths.has(address))
            entryPaths.set(address, where);
    });
    // Resources the plan leaves alone appear only in planned_values when there is no
    // resource_changes (a plan without changes); data sources read at plan time are in
    // prior_state, and so are the resources a targeted plan (-target) leaves out of its
    // changes: they stay as they are, so they are part of the network after apply.
    const known = new Set([...byAddress.keys(), ...deletedAddresses]);
    for (const which of ['planned', 'prior']) {
        for (const { entry, offset, path } of doc.extraEntries(which, known)) {
            if (!plan_resources_isObject(entry) || typeof entry.address !== 'string' || known.has(entry.address))
                continue;
            const action = which === 'prior' && entry.mode === 'data' ? 'read' : 'unchanged';
            add(entry, offset ?? path ?? [], action, entry.values, {});
            known.add(entry.address);
        }
    }
    return {
        doc,
        resources,
        byAddress,
        instancesOf: (module, localKey) => blocks.get(module)?.get(localKey)?.instances ?? [],
        instanceOf: (module, localKey, key) => blocks.get(module)?.get(localKey)?.byKey?.get(key),
        childInstances: (parent, name) => [...(children.get(`${parent}|${name}`) ?? [])],
        deleted,
        entryPath: (address) => entryPaths.get(address),
    };
}

;// CONCATENATED MODULE: ./src/core/terraform/references.ts



function references_isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function isExpression(v) {
    if (!references_isObject(v))
        return false;
    for (const k of Object.keys(v))
        if (k !== 'constant_value' && k !== 'references')
            return false;
    return true;
}
function emptyModule(path) {
    return { path, resources: new Map(), calls: new Map(), outputs: new Map(), variables: new Map() };
}
function buildConfigIndex(state) {
    const doc = state.doc;
    const configuration = doc.plan.configuration;
    const modules = new Map();
    const providers = new Map();
    if (!references_isObject(configuration)) {
        const root = emptyModule('');
        modules.set('', root);
        return { present: false, root, modules, providers };
    }
    if (references_isObject(configuration.provider_config)) {
        for (const [key, p] of Object.entries(configuration.provider_config)) {
            if (!references_isObject(p) || typeof p.name !== 'string')
                continue;
            providers.set(key, {
                name: p.name,
                alias: typeof p.alias === 'string' ? p.alias : undefined,
                moduleAddress: typeof p.module_address === 'string' ? p.module_address : undefined,
                expressions: references_isObject(p.expressions) ? p.expressions : {},
            });
        }
    }
    const root = emptyModule('');
    const stack = [
        { raw: configuration.root_module, module: root, depth: 0, where: ['configuration', 'root_module'] },
    ];
    while (stack.length > 0) {
        const { raw, module, depth, where } = stack.pop();
        modules.set(module.path, module);
        if (!references_isObject(raw))
            continue;
        if (depth > MAX_MODULE_DEPTH) {
            throw InputError.at(doc.at(where), `modules are nested more than ${MAX_MODULE_DEPTH} deep in this plan's configuration; that is not a configuration Terraform makes. Is the file generated or hand-edited?`);
        }
        for (const r of Array.isArray(raw.resources) ? raw.resources : []) {
            if (!references_isObject(r) || typeof r.type !== 'string' || typeof r.name !== 'string')
                continue;
            const mode = r.mode === 'data' ? 'data' : 'managed';
            module.resources.set(`${mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`, {
                mode,
                type: r.type,
                name: r.name,
                expressions: references_isObject(r.expressions) ? r.expressions : {},
                providerConfigKey: typeof r.provider_config_key === 'string' ? r.provider_config_key : undefined,
            });
        }
        if (references_isObject(raw.outputs)) {
            for (const [name, o] of Object.entries(raw.outputs))
                if (references_isObject(o))
                    module.outputs.set(name, o.expression);
        }
        if (references_isObject(raw.variables)) {
            for (const [name, v] of Object.entries(raw.variables))
                module.variables.set(name, references_isObject(v) && 'default' in v ? { default: v.default } : {});
        }
        if (references_isObject(raw.module_calls)) {
            for (const [name, c] of Object.entries(raw.module_calls)) {
                if (!references_isObject(c))
                    continue;
                const child = emptyModule(module.path === '' ? `module.${name}` : `${module.path}.module.${name}`);
                module.calls.set(name, {
                    name,
                    source: typeof c.source === 'string' ? c.source : undefined,
                    expressions: references_isObject(c.expressions) ? c.expressions : {},
                    repeated: 'count_expression' in c || 'for_each_expression' in c,
                    module: child,
                });
                stack.push({ raw: c.module, module: child, depth: depth + 1, where: [...where, 'module_calls', name, 'module'] });
            }
        }
    }
    return { present: true, root, modules, providers };
}
const EMPTY = { targets: [], constants: [], unresolved: [] };
function merge(into, from) {
    into.targets.push(...from.targets);
    into.constants.push(...from.constants);
    into.unresolved.push(...from.unresolved);
    if (from.choice !== undefined)
        into.choice ??= from.choice;
}
/** A value that can decide a condition or an index (a bool, a number, null), not one that is linked to (an id). */
const decides = (r) => r.targets.length === 0 && r.constants.some((c) => c === null || typeof c === 'boolean' || typeof c === 'number');
/** Scalars of a constant value; lists and maps are opened up to a small depth. */
function flattenConstant(v, out = [], depth = 0) {
    if (Array.isArray(v)) {
        if (depth < 4)
            for (const x of v)
                flattenConstant(x, out, depth + 1);
    }
    else if (references_isObject(v)) {
        if (depth < 4)
            for (const x of Object.values(v))
                flattenConstant(x, out, depth + 1);
    }
    else if (v !== null && v !== undefined) {
        out.push(v);
    }
    return out;
}
const MAX_CHAIN = 64;
/** References read so far: every module instance of a large plan repeats the same texts. Results are shared: do not modify. */
const readReferences = new Map();
function readReference(text) {
    let ref = readReferences.get(text);
    if (!ref) {
        if (readReferences.size >= 100_000)
            readReferences.clear();
        ref = parseReference(text);
        readReferences.set(text, ref);
    }
    return ref;
}
class ReferenceResolver {
    state;
    config;
    memo = new Map();
    active = new Set();
    constructor(state, config) {
        this.state = state;
        this.config = config;
    }
    configOf(res) {
        return this.config.modules.get(res.modulePath)?.resources.get(res.localKey);
    }
    /**
     * The configuration expression for `path` of `res`. A step into a list of blocks picks
     * the block by index, or with `matchBlock` by its constant arguments; an expression
     * that sets a whole attribute covers every path below it.
     */
    expressionAt(res, path, matchBlock) {
        let node = this.configOf(res)?.expressions;
        if (node === undefined)
            return { notSet: true };
        for (const [i, step] of path.entries()) {
            // An expression covers every path below it; `{}` there is an empty block (or the root), not an expression.
            if (i > 0 && isExpression(node) && Object.keys(node).length > 0)
                return { expression: node };
            if (Array.isArray(node)) {
                if (typeof step !== 'number')
                    return { notSet: true };
                if (matchBlock) {
                    const candidates = node.filter((b) => references_isObject(b) && matchBlock(b));
                    if (candidates.length !== 1)
                        return candidates.length === 0 ? { notSet: true } : { ambiguous: `${candidates.length} blocks of the configuration could be this one` };
                    node = candidates[0];
                }
                else {
                    node = node[step];
                }
                continue;
            }
            if (!references_isObject(node))
                return { notSet: true };
            // A single nested block is written as a one-element list in the plan.
            node = typeof step === 'number' ? (step === 0 ? node : undefined) : node[step];
            if (node === undefined)
                return { notSet: true };
        }
        if (isExpression(node))
            return { expression: node };
        return node === undefined ? { notSet: true } : { ambiguous: 'it is written as nested blocks' };
    }
    /** How configuration sets `path` of `res`, followed to resources and constants. */
    attribute(res, path, matchBlock) {
        if (!this.config.present)
            return { kind: 'no-configuration' };
        const found = this.expressionAt(res, path, matchBlock);
        if ('notSet' in found)
            return { kind: 'not-set' };
        if ('ambiguous' in found)
            return { kind: 'set', resolution: { targets: [], constants: [], unresolved: [`${path.join('.')} (${found.ambiguous})`] } };
        return { kind: 'set', resolution: this.resolveExpression(res.moduleSteps, found.expression, res.index, 0) };
    }
    /** Whether configuration writes the attribute at all (static blocks and arguments; dynamic blocks are not in the plan). */
    isSet(res, name) {
        const e = this.configOf(res)?.expressions;
        return e !== undefined && name in e;
    }
    resolveExpression(steps, expression, index, depth) {
        if (!isExpression(expression))
            return { ...EMPTY, unresolved: ['an expression the plan does not record'] };
        if ('constant_value' in expression)
            return { targets: [], constants: flattenConstant(expression.constant_value), unresolved: [] };
        const refs = Array.isArray(expression.references) ? expression.references.filter((r) => typeof r === 'string') : [];
        if (refs.length === 0)
            return { ...EMPTY, unresolved: ['an expression without references that topogate cannot evaluate (a function call?)'] };
        return this.resolveReferences(steps, refs, index, depth);
    }
    resolveReferences(steps, refs, index, depth) {
        const module = formatModuleInstance(steps);
        // The referrer's own key matters only to `count.index` / `each.*`: without them every instance shares one answer.
        const indexed = refs.some((r) => r === 'count.index' || r.startsWith('each.'));
        const key = `${module}\u0000${indexed ? `${typeof index}:${String(index)}` : ''}\u0000${refs.join('\u0000')}`;
        const cached = this.memo.get(key);
        if (cached)
            return cached;
        if (depth > MAX_CHAIN || this.active.has(key))
            return { ...EMPTY, unresolved: [`${refs[0]} (a reference chain too long or circular to follow)`] };
        this.active.add(key);
        const result = this.resolveUncached(steps, module, refs, index, depth);
        this.active.delete(key);
        this.memo.set(key, result);
        return result;
    }
    resolveUncached(steps, module, refs, index, depth) {
        const out = { targets: [], constants: [], unresolved: [] };
        const configModule = this.config.modules.get(formatModulePath(steps));
        const resources = new Map();
        const calls = new Map();
        const eachRefs = [];
        /** Variables and locals that may be a condition or an index over the targets. */
        const deciders = [];
        const indexed = refs.some((r) => r === 'count.index' || r.startsWith('each.'));
        for (const text of refs) {
            const ref = readReference(text);
            switch (ref.kind) {
                case 'resource': {
                    const localKey = `${ref.mode === 'data' ? 'data.' : ''}${ref.type}.${ref.name}`;
                    const group = resources.get(localKey) ?? { keys: new Set(), attribute: [], text, mode: ref.mode };
                    if (ref.hasKey && ref.key !== undefined)
                        group.keys.add(ref.key);
                    if (ref.attribute.length > group.attribute.length)
                        group.attribute = ref.attribute;
                    resources.set(localKey, group);
                    break;
                }
                case 'module': {
                    const group = calls.get(ref.name) ?? { keys: new Set(), outputs: new Set(), text };
                    if (ref.hasKey && ref.key !== undefined)
                        group.keys.add(ref.key);
                    if (ref.output)
                        group.outputs.add(ref.output);
                    calls.set(ref.name, group);
                    break;
                }
                case 'var': {
                    const v = this.resolveVariable(steps, ref.name, depth);
                    if (decides(v))
                        deciders.push(text);
                    merge(out, v);
                    break;
                }
                case 'local':
                    deciders.push(text);
                    out.unresolved.push(`local.${ref.name} (locals are not recorded in the plan)`);
                    break;
                case 'each':
                    eachRefs.push(text);
                    break;
                case 'count-index':
                case 'ignored':
                    break;
                default:
                    out.unresolved.push(text);
            }
        }
        let indexUsed = false;
        for (const [localKey, group] of resources) {
            const instances = this.state.instancesOf(module, localKey);
            let picked;
            const byKey = (k) => this.state.instanceOf(module, localKey, k);
            if (group.keys.size > 0) {
                picked = [...group.keys].map(byKey).filter((r) => r !== undefined);
            }
            else if (instances.length > 1 && indexed) {
                // `x[count.index]` / `x[each.key]` leave only `x` and `count.index` in the references:
                // the instance with the referrer's own key is the one it names.
                indexUsed = true;
                const own = index === undefined ? undefined : byKey(index);
                picked = own ? [own] : [];
                if (picked.length === 0)
                    out.unresolved.push(`${group.text} (which instance depends on count.index or each.key)`);
            }
            else {
                picked = instances;
            }
            if (instances.length === 0) {
                const declared = configModule?.resources.has(localKey) ?? false;
                // A declared managed resource without instances has count = 0 (or is being deleted): it adds nothing.
                if (!declared || group.mode === 'data')
                    out.unresolved.push(`${group.text} (not in the plan)`);
            }
            for (const r of picked)
                out.targets.push({ resource: r, attribute: group.attribute });
        }
        for (const [name, group] of calls) {
            const call = configModule?.calls.get(name);
            if (!call) {
                out.unresolved.push(group.text);
                continue;
            }
            if (group.outputs.size === 0) {
                out.unresolved.push(`${group.text} (the whole module object)`);
                continue;
            }
            let children = this.state.childInstances(module, name).map((m) => ({ m, key: lastKey(m, steps, name) }));
            if (children.length === 0 && !call.repeated)
                children = [{ m: '', key: undefined }];
            if (group.keys.size > 0)
                children = children.filter((c) => c.key !== undefined && group.keys.has(c.key));
            else if (children.length > 1 && indexed) {
                indexUsed = true;
                children = children.filter((c) => c.key === index);
            }
            for (const output of group.outputs) {
                if (!call.module.outputs.has(output)) {
                    out.unresolved.push(`module.${name}.${output} (no such output)`);
                    continue;
                }
                for (const child of children) {
                    const childSteps = [...steps, { name, key: child.key }];
                    merge(out, this.resolveExpression(childSteps, call.module.outputs.get(output), child.key, depth + 1));
                }
            }
        }
        // `each.value` as the value itself (for_each over ids) cannot be followed.
        if (eachRefs.length > 0 && !indexUsed && resources.size === 0 && calls.size === 0) {
            out.unresolved.push(`${eachRefs[0]} (for_each values are not recorded per instance in the plan)`);
        }
        // A condition or index beside two or more targets unknown until apply may pick some of
        // them. (One such target is in whatever Terraform picks: had it picked only known
        // values, the attribute would be known in the plan and never followed.)
        if (deciders.length > 0 && out.choice === undefined) {
            const pending = out.targets.filter((t) => lookup(t.resource, t.attribute.length > 0 ? t.attribute : ['id']).state === 'unknown');
            if (new Set(pending.map((t) => t.resource)).size >= 2)
                out.choice = `${deciders.join(', ')} may pick some of ${[...new Set(pending.map((t) => t.resource.address))].join(', ')} (a condition or an index: the plan records only which names the expression reads)`;
        }
        return out;
    }
    resolveVariable(steps, name, depth) {
        if (steps.length === 0) {
            const variables = this.state.doc.plan.variables;
            const v = references_isObject(variables) ? variables[name] : undefined;
            if (references_isObject(v) && 'value' in v)
                return { targets: [], constants: flattenConstant(v.value), unresolved: [] };
            return { ...EMPTY, unresolved: [`var.${name} (no value in the plan)`] };
        }
        const parentSteps = steps.slice(0, -1);
        const last = steps[steps.length - 1];
        const call = this.config.modules.get(formatModulePath(parentSteps))?.calls.get(last.name);
        const argument = call?.expressions[name];
        if (argument !== undefined)
            return this.resolveExpression(parentSteps, argument, last.key, depth + 1);
        const declared = this.config.modules.get(formatModulePath(steps))?.variables.get(name);
        if (declared && 'default' in declared)
            return { targets: [], constants: flattenConstant(declared.default), unresolved: [] };
        return EMPTY;
    }
    /** A provider argument (`region`) for the provider configuration a resource uses. */
    providerArgument(res, argument, shortName) {
        const key = this.configOf(res)?.providerConfigKey;
        const candidates = [key, key?.includes(':') ? key.split(':').pop() : undefined, shortName].filter((k) => k !== undefined);
        for (const k of candidates) {
            const p = this.config.providers.get(k);
            if (!p)
                continue;
            const expr = p.expressions[argument];
            if (expr === undefined)
                return undefined;
            const r = this.resolveExpression([], expr, undefined, 0);
            const value = r.constants.find((c) => typeof c === 'string' && c !== '');
            return r.unresolved.length === 0 && r.targets.length === 0 ? value : undefined;
        }
        return undefined;
    }
}
function lastKey(moduleInstance, parent, name) {
    const prefix = `${formatModuleInstance(parent)}${parent.length > 0 ? '.' : ''}module.${name}`;
    const rest = moduleInstance.slice(prefix.length);
    if (rest === '')
        return undefined;
    const m = /^\[(\d+|".*")\]$/.exec(rest);
    if (!m)
        return undefined;
    return m[1].startsWith('"') ? JSON.parse(m[1]) : Number(m[1]);
}

;// CONCATENATED MODULE: ./src/core/terraform/tf-declarations.ts
const HEADER = /^[ \t]*(resource|data|module)[ \t]+("([^"\n]*)"|([A-Za-z_][\w-]*))(?:[ \t]+("([^"\n]*)"|([A-Za-z_][\w-]*)))?[ \t]*\{?/;
const DYNAMIC = /^[ \t]*dynamic[ \t]+("([^"\n]*)"|([A-Za-z_][\w-]*))/;
const ARGUMENT = /^[ \t]*([A-Za-z_][\w-]*)[ \t]*(=(?!=)|\{)/;
function folderOf(path) {
    const i = path.lastIndexOf('/');
    return i < 0 ? '.' : path.slice(0, i);
}
/**
 * Scans one HCL file for top-level block headers and what each resource body writes.
 * Comments, strings (with `${…}` templates) and heredocs are skipped so that braces in
 * them do not unbalance the nesting.
 */
function scanFile(source, found) {
    const text = source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text;
    let depth = 0;
    let line = 1;
    let current;
    const flush = () => {
        if (current)
            found(current.kind, current.label, { location: current.location, written: current.written });
        current = undefined;
    };
    let i = 0;
    let atLineStart = true;
    // Template nesting inside strings: each entry counts the braces open in one `${`.
    const templates = [];
    let inString = false;
    while (i < text.length) {
        if (atLineStart && !inString && templates.length === 0) {
            atLineStart = false;
            const rest = text.slice(i, text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i));
            if (depth === 0) {
                const m = HEADER.exec(rest);
                if (m) {
                    flush();
                    const first = m[3] ?? m[4];
                    const second = m[6] ?? m[7];
                    const kind = m[1];
                    if (kind === 'module' || second !== undefined) {
                        const column = rest.length - rest.trimStart().length + 1;
                        current = { kind, label: kind === 'module' ? first : `${first}.${second}`, location: { file: source.path, line, column }, written: new Set() };
                    }
                }
            }
            else if (depth === 1 && current?.kind === 'resource') {
                const d = DYNAMIC.exec(rest);
                const a = d ? undefined : ARGUMENT.exec(rest);
                if (d)
                    current.written.add(d[2] ?? d[3]);
                else if (a)
                    current.written.add(a[1]);
            }
        }
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i += 2;
            else if (c === '"') {
                inString = false;
                i++;
            }
            else if (c === '$' && text[i + 1] === '{') {
                templates.push(0);
                inString = false;
                i += 2;
            }
            else if (c === '\n') {
                // An unterminated string: give up on it at the end of the line.
                inString = false;
            }
            else
                i++;
            continue;
        }
        if (c === '\n') {
            line++;
            atLineStart = true;
            i++;
            continue;
        }
        if (c === '#' || (c === '/' && text[i + 1] === '/')) {
            const end = text.indexOf('\n', i);
            i = end < 0 ? text.length : end;
            continue;
        }
        if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            const stop = end < 0 ? text.length : end + 2;
            for (let k = i; k < stop; k++)
                if (text[k] === '\n')
                    line++;
            i = stop;
            continue;
        }
        if (c === '<' && text[i + 1] === '<' && templates.length === 0) {
            const m = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
            if (m) {
                const marker = new RegExp(`^[ \\t]*${m[1]}[ \\t]*\\r?$`, 'gm');
                marker.lastIndex = i + m[0].length;
                const end = marker.exec(text);
                const stop = end ? end.index + end[0].length : text.length;
                for (let k = i; k < stop; k++)
                    if (text[k] === '\n')
                        line++;
                i = stop;
                continue;
            }
        }
        if (c === '"') {
            inString = true;
            i++;
            continue;
        }
        if (c === '{') {
            if (templates.length > 0)
                templates[templates.length - 1]++;
            else
                depth++;
        }
        else if (c === '}') {
            if (templates.length > 0) {
                if (templates[templates.length - 1] === 0) {
                    templates.pop();
                    inString = true;
                }
                else
                    templates[templates.length - 1]--;
            }
            else if (depth > 0) {
                depth--;
                if (depth === 0)
                    flush();
            }
        }
        i++;
    }
    flush();
}
function scanDeclarations(sources) {
    const byFolder = new Map();
    const foldersOf = new Map();
    for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        const folder = folderOf(source.path);
        scanFile(source, (kind, label, declaration) => {
            const key = `${kind}|${label}`;
            const map = byFolder.get(folder) ?? new Map();
            if (!map.has(key))
                map.set(key, declaration);
            byFolder.set(folder, map);
            const list = foldersOf.get(key) ?? [];
            if (!list.includes(folder))
                list.push(folder);
            foldersOf.set(key, list);
        });
    }
    return { byFolder, foldersOf };
}
/** `a/b` + `../c` -> `a/c`; undefined when it leaves the workspace or is not a local path. */
function joinFolder(base, relative) {
    if (!relative.startsWith('./') && !relative.startsWith('../') && relative !== '.' && relative !== '..')
        return undefined;
    const parts = base === '.' ? [] : base.split('/');
    for (const seg of relative.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (parts.length === 0)
                return undefined;
            parts.pop();
        }
        else
            parts.push(seg);
    }
    return parts.length === 0 ? '.' : parts.join('/');
}
function commonPrefixLength(a, b) {
    const x = a === '.' ? [] : a.split('/');
    const y = b === '.' ? [] : b.split('/');
    let n = 0;
    while (n < x.length && n < y.length && x[n] === y[n])
        n++;
    return n;
}
/** Finds the declaration of each resource of one plan. */
class DeclarationLocator {
    scan;
    config;
    planPath;
    planKeys;
    folders = new Map();
    constructor(scan, config, planPath, 
    /** Resource keys (`TYPE.NAME`) per module path, from the plan, for plans without configuration. */
    planKeys) {
        this.scan = scan;
        this.config = config;
        this.planPath = planPath;
        this.planKeys = planKeys;
    }
    /** The folder of a module's `.tf` files, or undefined when it is not in the repository. */
    folderOf(modulePath) {
        if (this.folders.has(modulePath))
            return this.folders.get(modulePath);
        this.folders.set(modulePath, undefined); // guards against cycles
        let folder;
        if (modulePath === '')
            folder = this.bestFolder('');
        else {
            const cut = modulePath.lastIndexOf('.module.');
            const parentPath = cut < 0 ? '' : modulePath.slice(0, cut);
            const name = modulePath.slice(cut < 0 ? 'module.'.length : cut + '.module.'.length);
            const call = this.config.modules.get(parentPath)?.calls.get(name);
            const parentFolder = this.folderOf(parentPath);
            const source = call?.source;
            const local = source !== undefined && (source.startsWith('./') || source.startsWith('../'));
            if (local && parentFolder !== undefined) {
                const joined = joinFolder(parentFolder, source);
                if (joined !== undefined && this.scan.byFolder.has(joined))
                    folder = joined;
            }
            // A local source whose folder is not where the call says (or no configuration): only a
            // folder declaring every block of the module is taken, so common names (`this`) do not mislead.
            if (folder === undefined && (local || source === undefined))
                folder = this.bestFolder(modulePath, true);
        }
        this.folders.set(modulePath, folder);
        return folder;
    }
    /** The folder declaring the most of a module's resources and calls; ties go to the one nearest the plan. */
    bestFolder(modulePath, requireAll = false) {
        const module = this.config.modules.get(modulePath);
        const keys = [];
        if (module && this.config.present) {
            for (const r of module.resources.values())
                keys.push(`${r.mode === 'data' ? 'data' : 'resource'}|${r.type}.${r.name}`);
            for (const name of module.calls.keys())
                keys.push(`module|${name}`);
        }
        else {
            for (const k of this.planKeys.get(modulePath) ?? [])
                keys.push(k.startsWith('data.') ? `data|${k.slice(5)}` : `resource|${k}`);
        }
        const score = new Map();
        for (const k of keys)
            for (const f of this.scan.foldersOf.get(k) ?? [])
                score.set(f, (score.get(f) ?? 0) + 1);
        const planFolder = folderOf(this.planPath);
        let best;
        let bestScore = 0;
        let bestNear = -1;
        for (const [f, s] of [...score.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
            const near = commonPrefixLength(f, planFolder);
            if (s > bestScore || (s === bestScore && near > bestNear)) {
                best = f;
                bestScore = s;
                bestNear = near;
            }
        }
        return requireAll && bestScore < keys.length ? undefined : best;
    }
    /** The `.tf` declaration of a resource block, or undefined. */
    declaration(modulePath, localKey) {
        const folder = this.folderOf(modulePath);
        if (folder === undefined)
            return undefined;
        const key = localKey.startsWith('data.') ? `data|${localKey.slice(5)}` : `resource|${localKey}`;
        return this.scan.byFolder.get(folder)?.get(key);
    }
    /** Where a resource is declared, else the `module` block that brings it in (nearest first). */
    locate(modulePath, localKey) {
        const d = this.declaration(modulePath, localKey);
        if (d)
            return d.location;
        let path = modulePath;
        while (path !== '') {
            const cut = path.lastIndexOf('.module.');
            const parentPath = cut < 0 ? '' : path.slice(0, cut);
            const name = path.slice(cut < 0 ? 'module.'.length : cut + '.module.'.length);
            const folder = this.folderOf(parentPath);
            const call = folder !== undefined ? this.scan.byFolder.get(folder)?.get(`module|${name}`) : undefined;
            if (call)
                return call.location;
            path = parentPath;
        }
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/core/terraform/plan-context.ts




function plan_context_isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function describeAttribute(res, path) {
    const text = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    return `${text} of ${res.address}`;
}
/**
 * Whether configuration writes an argument or nested block: an expression in the plan, or
 * the `.tf` body (the plan leaves out nested blocks of attributes-as-blocks and dynamic
 * blocks). `maybe` when neither says: no configuration, or no `.tf` declaring the resource.
 */
function isConfigured(ctx, res, name) {
    if (ctx.config.present && ctx.resolver.isSet(res, name))
        return 'yes';
    const decl = ctx.declaration(res);
    if (!decl)
        return 'maybe';
    return decl.written.has(name) ? 'yes' : 'no';
}
function unknownElements(res, path) {
    let u = res.unknown;
    for (const step of path)
        u = u !== null && typeof u === 'object' ? u[step] : u === true ? true : undefined;
    return u;
}
function attributeValues(ctx, res, path, options = {}) {
    const l = lookup(res, path);
    if (l.state === 'absent')
        return { values: [], unknown: [], absent: true };
    if (l.state === 'known') {
        if (!Array.isArray(l.value))
            return { values: [l.value], unknown: [], absent: false };
        const u = unknownElements(res, path);
        const values = [];
        let partial = false;
        const list = l.value;
        for (let i = 0; i < list.length; i++) {
            const v = list[i];
            if (v === null && Array.isArray(u) && u[i] === true)
                partial = true;
            else if (v !== null)
                values.push(v);
        }
        if (!partial)
            return { values, unknown: [], absent: false };
        const followed = followConfiguration(ctx, res, path, describeAttribute(res, path), options);
        return { values: [...values, ...followed.values], unknown: followed.unknown, absent: false };
    }
    return { ...followConfiguration(ctx, res, path, describeAttribute(res, path), options), absent: false };
}
function followConfiguration(ctx, res, path, label, options) {
    const source = ctx.resolver.attribute(res, path, options.matchBlock);
    if (source.kind === 'no-configuration')
        return { values: [], unknown: [`${label} is not known until apply, and the plan has no configuration to follow`] };
    if (source.kind === 'not-set') {
        if (options.unrecorded)
            return { values: [], unknown: [`${label} is not known until apply, and ${options.unrecorded}`] };
        if (options.computedDefault)
            return { values: options.computedDefault, unknown: [] };
        return { values: [], unknown: [`${label} is not known until apply (the provider computes it)`] };
    }
    return resolutionValues(source.resolution, label);
}
/** Turns a resolution into values: constants, and the known attribute values of the resources it names. */
function resolutionValues(r, label) {
    const values = [...r.constants];
    const unknown = r.unresolved.map((u) => `${label} is not known until apply and comes from ${u}`);
    for (const t of r.targets) {
        const l = lookup(t.resource, t.attribute);
        const ref = `${t.resource.address}${t.attribute.length > 0 ? `.${t.attribute.join('.')}` : ''}`;
        if (l.state === 'known')
            values.push(...(Array.isArray(l.value) ? l.value.filter((v) => v !== null) : [l.value]));
        else if (l.state === 'unknown')
            unknown.push(`${label} is not known until apply: it is ${ref}, which is also unknown`);
    }
    return { values, unknown };
}
/** Adds the links of another attribute: targets and outside ids once each, every reason; computed while all are. */
function mergeLinks(into, l) {
    for (const t of l.targets)
        if (!into.targets.includes(t))
            into.targets.push(t);
    for (const e of l.external)
        if (!into.external.includes(e))
            into.external.push(e);
    for (const u of l.unknown)
        into.unknown.push(u);
    if (!l.computed)
        into.computed = false;
    if (l.choice !== undefined)
        into.choice ??= l.choice;
}
/** Where links land: in-plan targets (once each), ids of resources outside the plan, and why any are unknown. */
function linkCollector(spec) {
    const out = { targets: [], external: [], unknown: [], computed: false };
    // Most attributes link to one or two resources: a scan beats a set until there are many.
    let seen;
    const addTarget = (r) => {
        if (seen) {
            if (seen.has(r))
                return;
            seen.add(r);
        }
        else if (out.targets.includes(r))
            return;
        else if (out.targets.length >= 16)
            seen = new Set(out.targets).add(r);
        out.targets.push(r);
    };
    const addValue = (v) => {
        if (typeof v !== 'string' || v === '')
            return;
        const r = spec.byId.get(v) ?? spec.byId.get(v.toLowerCase()) ?? (spec.normalize ? spec.byId.get(spec.normalize(v)) : undefined);
        if (r)
            addTarget(r);
        else if (!out.external.includes(v))
            out.external.push(v);
    };
    return { out, addTarget, addValue };
}
/**
 * Which resources an attribute that holds ids (or names) links to after apply: by known
 * id, else through configuration references. References to a resource of the wanted
 * types link to it even while its id is unknown.
 */
function linkedResources(ctx, res, path, spec) {
    const { out, addTarget, addValue } = linkCollector(spec);
    // Worded only when something is unknown: most links resolve.
    let text;
    const label = () => (text ??= describeAttribute(res, path));
    const l = lookup(res, path);
    let follow = false;
    if (l.state === 'known') {
        const u = unknownElements(res, path);
        if (!Array.isArray(l.value))
            addValue(l.value);
        else {
            const list = l.value;
            for (let i = 0; i < list.length; i++) {
                if (list[i] === null && Array.isArray(u) && u[i] === true)
                    follow = true;
                else
                    addValue(list[i]);
            }
        }
    }
    else if (l.state === 'unknown') {
        follow = true;
    }
    if (!follow)
        return out;
    const source = ctx.resolver.attribute(res, path, spec.matchBlock);
    if (source.kind === 'no-configuration') {
        out.unknown.push(`${label()} is not known until apply, and the plan has no configuration to follow`);
        return out;
    }
    if (source.kind === 'not-set') {
        out.computed = true;
        return out;
    }
    followResolution(source.resolution, spec, label, out, addTarget, addValue);
    return out;
}
function followResolution(r, spec, label, out, addTarget, addValue) {
    for (const t of r.targets) {
        if (t.resource.mode === 'managed' && spec.types.has(t.resource.type)) {
            addTarget(t.resource);
            continue;
        }
        const value = lookup(t.resource, t.attribute.length > 0 ? t.attribute : ['id']);
        const ref = `${t.resource.address}${t.attribute.length > 0 ? `.${t.attribute.join('.')}` : ''}`;
        if (value.state === 'known')
            (Array.isArray(value.value) ? value.value : [value.value]).forEach(addValue);
        else
            out.unknown.push(`${label()} is not known until apply: it comes from ${ref}, which is not a ${spec.what} the plan creates`);
    }
    for (const c of r.constants)
        addValue(c);
    for (const u of r.unresolved)
        out.unknown.push(`${label()} is not known until apply and comes from ${u}`);
    if (r.choice !== undefined)
        out.choice ??= `${label()} is not known until apply: ${r.choice}`;
}
/**
 * The resources a configuration expression links to, for blocks the plan reorders (sets of
 * blocks, where a plan block cannot be matched to its configuration block by position).
 */
function linksOfExpression(ctx, res, expression, spec, label) {
    const { out, addTarget, addValue } = linkCollector(spec);
    followResolution(ctx.resolver.resolveExpression(res.moduleSteps, expression, res.index, 0), spec, () => label, out, addTarget, addValue);
    return out;
}
/** The configuration blocks written at `path` of a resource (a list of nested blocks), or undefined. */
function configBlocks(ctx, res, path) {
    let node = ctx.resolver.configOf(res)?.expressions;
    for (const step of path) {
        if (Array.isArray(node))
            node = typeof step === 'number' ? node[step] : undefined;
        else if (plan_context_isObject(node) && !isExpression(node))
            node = typeof step === 'number' ? (step === 0 ? node : undefined) : node[step];
        else
            return undefined;
    }
    if (Array.isArray(node))
        return node.filter(plan_context_isObject);
    return plan_context_isObject(node) && !isExpression(node) ? [node] : undefined;
}
/** Indexes resources by a known string attribute (`id`, `name`, `self_link`). */
function indexBy(resources, attributes, lowerCase = false) {
    const map = new Map();
    for (const r of resources) {
        for (const a of attributes) {
            const v = r.values[a];
            if (typeof v === 'string' && v !== '')
                map.set(lowerCase ? v.toLowerCase() : v, r);
        }
    }
    return map;
}
/** A CIDR list from plan values: the set, plus the texts that are not CIDRs. */
const cidrSets = new Map();
/**
 * The address set of a list of CIDR texts. Interned: the same list (0.0.0.0/0 on every
 * web rule) gives the same set, so what a set memoizes (its description) is shared.
 * Results are shared: do not modify them.
 */
function cidrSet(values) {
    let key = '';
    for (const v of values) {
        if (typeof v === 'string')
            key += `${v}\u0000`;
        // A number, list or object where a CIDR text belongs (rare): parsed as is, not interned.
        else if (v !== null && v !== undefined)
            return parseCidrList(values);
    }
    let result = cidrSets.get(key);
    if (!result) {
        if (cidrSets.size > 100_000)
            cidrSets.clear();
        result = parseCidrList(values);
        cidrSets.set(key, result);
    }
    return result;
}
function parseCidrList(values) {
    const parsed = [];
    const invalid = [];
    for (const v of values) {
        if (v === null || v === undefined)
            continue;
        // Not a text at all: as much "not a CIDR" as a malformed one, never silently dropped.
        if (typeof v !== 'string') {
            invalid.push(valueText(v));
            continue;
        }
        const r = parseCidr(v);
        if (r.ok)
            parsed.push(r.value);
        else
            invalid.push(v);
    }
    return { set: AddressSet.fromParsed(parsed), invalid };
}
/** A short JSON rendering of a value that is not a text, for messages. */
function valueText(v) {
    let text;
    try {
        text = JSON.stringify(v) ?? String(v);
    }
    catch {
        text = String(v);
    }
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
/** A peer that may be anything: the rule's other side is not known until apply. */
function unknownPeer(reason, label = 'unknown until apply') {
    return { addresses: AddressSet.EMPTY, identities: [], unknown: reason, label };
}
/** A rule that may allow anything: stands for rules the plan cannot tell (so a verdict becomes unknown, never a pass). */
function mayAllowAnything(reason, origin, priority = 0) {
    return { action: 'allow', priority, protocol: 'all', ports: PortSet.ALL, peer: unknownPeer(reason), origin };
}
/**
 * A rule that may or may not apply (its action, number or target is not known): a deny and
 * an allow that apply to the layer's endpoint maybe, so first-match evaluation keeps both
 * outcomes and the verdict is unknown, never a pass.
 */
function undecidedRules(reason, rule) {
    const local = unknownPeer(reason);
    return [{ ...rule, action: 'deny', local }, { ...rule, action: 'allow', local }];
}
/**
 * The layers with `rule` evaluated first (layers wholly unknown stay as they are): how a
 * server modelled by one interface admits what its other interfaces may let in.
 */
function withFirstRule(layers, rule) {
    return layers.map((l) => (l.unknown !== undefined ? l : { ...l, rules: [rule, ...l.rules] }));
}
/** The layer of a server whose filter cannot be known at all. */
function unknownLayer(name, reason, fixLocation) {
    return { name, rules: [], defaultAction: 'deny', unknown: reason, fixLocation };
}
function isObjectValue(v) {
    return plan_context_isObject(v);
}
/** `us-east-1a` -> `us-east-1`, `us-west-2-lax-1a` -> `us-west-2`. */
function awsRegionOfZone(zone) {
    const m = /^([a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d+)/.exec(zone);
    return m ? m[1] : undefined;
}
/** `us-central1-a` or `projects/p/zones/us-central1-a` -> `us-central1`. */
function gcpRegionOfZone(zone) {
    const last = zone.split('/').pop() ?? zone;
    const m = /^([a-z]+-[a-z]+\d+)(-[a-z])?$/.exec(last);
    return m ? m[1] : undefined;
}
/** Azure writes locations both ways: `West Europe` and `westeurope`. */
function azureRegion(location) {
    return location.toLowerCase().replace(/\s+/g, '');
}
/** The addresses from `start` to `end` (IPv4 or IPv6, inclusive) as a set, or undefined when they are not addresses. */
function addressRange(start, end) {
    if (typeof start !== 'string' || typeof end !== 'string')
        return undefined;
    const a = parseCidr(start);
    const b = parseCidr(end);
    if (!a.ok || !b.ok || a.value.hasPrefix || b.value.hasPrefix || a.value.family !== b.value.family || a.value.address > b.value.address)
        return undefined;
    const bits = a.value.family === 4 ? 32 : 128;
    const blocks = [];
    let lo = a.value.address;
    const hi = b.value.address;
    while (lo <= hi) {
        let size = 0;
        while (size < bits) {
            const next = 1n << BigInt(size + 1);
            if ((lo & (next - 1n)) !== 0n || lo + next - 1n > hi)
                break;
            size++;
        }
        blocks.push({ family: a.value.family, address: lo, prefix: bits - size, hasPrefix: true, hostBitsSet: false });
        lo += 1n << BigInt(size);
    }
    return AddressSet.fromParsed(blocks);
}

;// CONCATENATED MODULE: ./src/core/terraform/ip-protocol.ts
/** IP protocols by the names clouds write them (lower case). */
const BY_NAME = {
    tcp: 'tcp',
    udp: 'udp',
    icmp: 'icmp',
    icmpv6: 'icmpv6',
    esp: 'proto-50',
    ah: 'proto-51',
    sctp: 'proto-132',
    ipip: 'proto-4',
    // As AWS network ACLs take them.
    'ipv6-icmp': 'icmpv6',
    ipv4: 'proto-4',
    gre: 'proto-47',
};
/** The protocols with names of their own, by IANA number. */
const BY_NUMBER = { 1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmpv6' };
/**
 * A firewall rule's protocol as a cloud writes it: a name, an IANA number (where the cloud
 * takes numbers), or the cloud's spelling of "every protocol" (`-1` and `all` on AWS, `all`
 * on GCP, `*` and `any` on Azure). Undefined when it is none of these.
 */
function ipProtocol(value, cloud) {
    if (typeof value !== 'string' && typeof value !== 'number')
        return undefined;
    const s = String(value).trim().toLowerCase();
    if (cloud.all.includes(s))
        return 'all';
    if (BY_NAME[s])
        return BY_NAME[s];
    if (cloud.numbers && /^\d{1,3}$/.test(s) && Number(s) <= 255)
        return BY_NUMBER[Number(s)] ?? `proto-${Number(s)}`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/terraform/aws-rule-values.ts


/** What AWS security group and network ACL rules write for protocols and ports. */
/** `-1`, `all`, `tcp`, `6`, ... as a rule protocol; undefined when not a protocol. */
const AWS_PROTOCOLS = { all: ['-1', 'all'], numbers: true };
const awsProtocol = (value) => ipProtocol(value, AWS_PROTOCOLS);
/** The ports of a TCP/UDP rule; every port for other protocols (ICMP types are not ports). */
function rulePorts(protocol, from, to) {
    if (protocol !== 'tcp' && protocol !== 'udp')
        return { ports: PortSet.ALL };
    const a = typeof from === 'number' ? from : typeof from === 'string' && /^\d+$/.test(from) ? Number(from) : undefined;
    const b = typeof to === 'number' ? to : typeof to === 'string' && /^\d+$/.test(to) ? Number(to) : undefined;
    if (a === undefined || b === undefined)
        return { ports: PortSet.EMPTY, unknown: 'its from_port/to_port are not known until apply' };
    // AWS writes -1 / -1 for "all ports" in some API answers.
    if (a === -1 && b === -1)
        return { ports: PortSet.ALL };
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b > 65535 || a > b)
        return { ports: PortSet.EMPTY, unknown: `its port range ${a}-${b} is not valid` };
    return { ports: PortSet.range(a, b) };
}

;// CONCATENATED MODULE: ./src/core/terraform/aws-network-acls.ts





/**
 * AWS network ACLs: numbered allow and deny rules, lowest number first, `*` denies the
 * rest; they filter what enters and leaves a subnet, so traffic inside one subnet passes
 * them. A subnet has the ACL that names it (`subnet_ids`, `aws_network_acl_association`),
 * else its VPC's default ACL when the plan manages it (`aws_default_network_acl`); a
 * subnet with neither has AWS's untouched default ACL, which allows everything. ACLs are
 * stateless: their layers say so, and the flow engine checks a connection's responses
 * (to the client's ephemeral port) through them as well.
 */
const ACL_TYPES = new Set(['aws_network_acl', 'aws_default_network_acl']);
const VPC_TYPES = new Set(['aws_vpc', 'aws_default_vpc']);
const RULE_TYPE = 'aws_network_acl_rule';
const BALANCER_TYPES = new Set(['aws_lb', 'aws_alb', 'aws_elb']);
/** A subnet's address ranges (empty while not known until apply). */
const subnetRange = (s) => cidrSet([s.values.cidr_block, s.values.ipv6_cidr_block].filter((c) => typeof c === 'string' && c !== '')).set;
const ANY_ADDRESS = { addresses: AddressSet.ALL, identities: [], label: 'any address' };
/** A rule number as written (a number or digits); NaN when it is not one (null: unknown until apply). */
const ruleNumber = (v) => (typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN);
function ruleOf(e, origin, label) {
    const priority = ruleNumber(e.number);
    const protocol = awsProtocol(e.protocol);
    const base = { priority: Number.isFinite(priority) ? priority : 0, protocol: protocol ?? 'all', ports: PortSet.ALL, peer: ANY_ADDRESS, origin };
    if (!Number.isFinite(priority) || !protocol)
        return undecidedRules(`the rule number or protocol of ${label} is not known until apply`, base);
    const ports = rulePorts(protocol, e.from, e.to);
    const parsed = cidrSet(e.cidrs.values);
    const unknown = [...e.cidrs.unknown, ...parsed.invalid.map((c) => `"${c}" in ${label} is not a CIDR`)];
    const peer = unknown.length > 0 ? unknownPeer(unknown.join('; ')) : { addresses: parsed.set, identities: [], label: parsed.set.describe(3) };
    const rule = { ...base, ports: ports.ports, portsUnknown: ports.unknown, peer };
    // The provider takes the action in any case.
    const action = typeof e.action === 'string' ? e.action.toLowerCase() : undefined;
    if (action === 'allow' || action === 'deny')
        return [{ ...rule, action }];
    return undecidedRules(`the action of ${label} is not known until apply`, rule);
}
/** `subnetLinks`: the subnets an attribute names, as the security-group model links them. */
function buildNetworkAcls(ctx, subnetTypes, subnetLinks) {
    const acls = [...ACL_TYPES].flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed');
    const aclsById = indexBy(acls, ['id']);
    const vpcs = [...VPC_TYPES].flatMap((t) => ctx.ofType(t));
    const vpcsById = indexBy(vpcs, ['id']);
    const vpcsByDefaultAcl = indexBy(vpcs, ['default_network_acl_id']);
    // Which ACL names each subnet; reasons an association cannot be placed (it may name any subnet).
    const aclOfSubnet = new Map();
    /** Subnets associated with an ACL the plan does not hold: its rules are unknown. */
    const externalOfSubnet = new Map();
    const floating = [];
    const associate = (acl, subnet) => {
        const list = aclOfSubnet.get(subnet) ?? [];
        if (!list.includes(acl))
            list.push(acl);
        aclOfSubnet.set(subnet, list);
    };
    for (const acl of acls) {
        const named = subnetLinks(acl, ['subnet_ids']);
        for (const s of named.targets)
            associate(acl, s);
        for (const u of named.unknown)
            floating.push(`${acl.address} may apply to any subnet: ${u}`);
    }
    for (const a of ctx.ofType('aws_network_acl_association')) {
        if (a.mode !== 'managed')
            continue;
        const acl = linkedResources(ctx, a, ['network_acl_id'], { types: ACL_TYPES, byId: aclsById, what: 'network ACL' });
        const subnet = subnetLinks(a, ['subnet_id']);
        for (const t of acl.targets)
            for (const s of subnet.targets)
                associate(t, s);
        for (const id of acl.external)
            for (const s of subnet.targets)
                externalOfSubnet.set(s, id);
        for (const u of [...acl.unknown, ...subnet.unknown])
            floating.push(`${a.address} may associate a network ACL with any subnet: ${u}`);
    }
    // The default ACL of each VPC the plan manages, for subnets no other ACL names.
    const defaultOfVpc = new Map();
    // Also by VPC id: the VPC may be managed in another state.
    const defaultOfVpcId = new Map();
    for (const acl of acls) {
        if (acl.type !== 'aws_default_network_acl')
            continue;
        for (const v of linkedResources(ctx, acl, ['default_network_acl_id'], { types: VPC_TYPES, byId: vpcsByDefaultAcl, what: 'VPC' }).targets)
            defaultOfVpc.set(v, acl);
        if (typeof acl.values.vpc_id === 'string' && acl.values.vpc_id !== '')
            defaultOfVpcId.set(acl.values.vpc_id, acl);
    }
    // Rules written as separate resources, by ACL; their ACLs read them back inline too.
    const separate = new Map();
    const targeted = new Set();
    for (const r of ctx.ofType(RULE_TYPE)) {
        if (r.mode !== 'managed')
            continue;
        const acl = linkedResources(ctx, r, ['network_acl_id'], { types: ACL_TYPES, byId: aclsById, what: 'network ACL' });
        const egress = lookup(r, ['egress']);
        const location = ctx.locate(r);
        const label = r.address;
        const cidrs = attributeValues(ctx, r, ['cidr_block'], { computedDefault: [] });
        const cidrs6 = attributeValues(ctx, r, ['ipv6_cidr_block'], { computedDefault: [] });
        const rules = ruleOf({ number: r.values.rule_number, action: r.values.rule_action, protocol: r.values.protocol, from: r.values.from_port, to: r.values.to_port, cidrs: { values: [...cidrs.values, ...cidrs6.values], unknown: [...cidrs.unknown, ...cidrs6.unknown] } }, { label, location }, label);
        for (const t of acl.targets) {
            targeted.add(t);
            const into = separate.get(t) ?? { ingress: [], egress: [] };
            const dirs = egress.state === 'known' ? [egress.value === true ? 'egress' : 'ingress'] : ['ingress', 'egress'];
            for (const d of dirs)
                into[d].push(...rules);
            separate.set(t, into);
        }
        for (const u of acl.unknown)
            floating.push(`${r.address} may belong to any network ACL: ${u}`);
    }
    for (const r of ctx.state.deleted) {
        const id = r.type === RULE_TYPE ? r.values.network_acl_id : undefined;
        const acl = typeof id === 'string' ? aclsById.get(id) : undefined;
        if (acl)
            targeted.add(acl);
    }
    const rulesOf = (acl, dir) => {
        const rules = [...(separate.get(acl)?.[dir] ?? [])];
        let configured = isConfigured(ctx, acl, dir);
        if (configured === 'maybe' && targeted.has(acl))
            configured = 'no';
        const inline = lookup(acl, [dir]);
        const location = ctx.locate(acl);
        if (inline.state === 'unknown' && configured === 'yes')
            rules.push(mayAllowAnything(`the ${dir} rules of ${acl.address} are not known until apply`, { label: `${acl.address} ${dir}`, location }));
        if (inline.state === 'known' && Array.isArray(inline.value) && configured !== 'no') {
            inline.value.forEach((b, i) => {
                if (!isObjectValue(b))
                    return;
                const label = describeAttribute(acl, [dir, i]);
                const cidrs = [b.cidr_block, b.ipv6_cidr_block].filter((c) => typeof c === 'string' && c !== '');
                // A field unknown until apply is null in the block: the rule's peer is then unknown.
                const unknown = ['cidr_block', 'ipv6_cidr_block'].filter((f) => lookup(acl, [dir, i, f]).state === 'unknown').map((f) => `${describeAttribute(acl, [dir, i, f])} is not known until apply`);
                rules.push(...ruleOf({ number: b.rule_no, action: b.action, protocol: b.protocol, from: b.from_port, to: b.to_port, cidrs: { values: cidrs, unknown } }, { label: `${acl.address} ${dir} rule ${String(b.rule_no)}`, location }, label));
            });
        }
        return rules;
    };
    const layerCache = new Map();
    const layersOfAcl = (acl, subnets) => {
        const key = [acl.address, ...subnets.map((s) => s.address)].join('\n');
        let layers = layerCache.get(key);
        if (layers)
            return layers;
        const location = ctx.locate(acl);
        // Traffic inside the subnet does not pass its ACL. In one of several subnets, which
        // traffic stays inside is not known.
        const subnet = subnets[0];
        const ranges = subnets.map(subnetRange);
        const origin = { label: `traffic inside ${subnets.map((s) => s.address).join(' or ')} (not filtered by its network ACL)`, location: ctx.locate(subnet) };
        const range = ranges.reduce((a, b) => a.union(b));
        // In one of several subnets, a source in one of them may be inside the server's: it may pass.
        const inside = ranges.some((r) => r.isEmpty())
            ? mayAllowAnything(`the address range of ${subnets.map((s) => s.address).join(' or ')} is not known until apply, and traffic inside it does not pass ${acl.address}`, origin, Number.MIN_SAFE_INTEGER)
            : {
                action: 'allow',
                priority: Number.MIN_SAFE_INTEGER,
                protocol: 'all',
                ports: PortSet.ALL,
                peer: { addresses: range, identities: [], label: range.describe(3) },
                origin,
                ...(subnets.length > 1 ? { local: unknownPeer(`the server may be in any of ${subnets.map((s) => s.address).join(', ')}, so which of them its traffic stays inside is not known`) } : {}),
            };
        const layer = (dir) => ({
            name: `${dir === 'egress' ? 'outbound rules of ' : ''}network ACL ${acl.address}`,
            rules: [inside, ...floating.flatMap((why) => undecidedRules(why, { priority: Number.MIN_SAFE_INTEGER + 1, protocol: 'all', ports: PortSet.ALL, peer: ANY_ADDRESS, origin: { label: 'network ACL associations', location } })), ...rulesOf(acl, dir)],
            defaultAction: 'deny',
            stateless: true,
            fix: { kind: 'resource', address: acl.address, rule: dir === 'ingress' ? 'an inbound allow rule (numbered below any deny that matches)' : 'an outbound allow rule (numbered below any deny that matches)' },
            fixLocation: location,
        });
        layers = { ingress: layer('ingress'), egress: layer('egress') };
        layerCache.set(key, layers);
        return layers;
    };
    /** The ACLs of a subnet: those naming it, else its VPC's default ACL when the plan has it. */
    const aclsOfSubnet = (subnet) => {
        const named = aclOfSubnet.get(subnet);
        if (named)
            return named;
        const vpc = linkedResources(ctx, subnet, ['vpc_id'], { types: VPC_TYPES, byId: vpcsById, what: 'VPC' }).targets[0];
        const vpcId = subnet.values.vpc_id;
        const fallback = (vpc ? defaultOfVpc.get(vpc) : undefined) ?? (typeof vpcId === 'string' ? defaultOfVpcId.get(vpcId) : undefined);
        return fallback ? [fallback] : [];
    };
    /** Why the ACL of a subnet cannot be told: associated outside the plan, or claimed by several. */
    const undecidedAcl = (subnet) => {
        const external = externalOfSubnet.get(subnet);
        if (external)
            return `${subnet.address} is associated with network ACL ${external}, which is not in this plan`;
        const named = aclOfSubnet.get(subnet) ?? [];
        // A subnet has one ACL: several claiming it (one moving it away) leave which one unknown.
        if (named.length > 1)
            return `${named.map((a) => a.address).join(' and ')} both name ${subnet.address}, which can have only one network ACL`;
        if (named.length === 0 && floating.length > 0 && aclsOfSubnet(subnet).length === 0)
            return floating.join('; ');
        return undefined;
    };
    const undecidedLayers = (why, location) => {
        const rules = undecidedRules(why, { priority: 0, protocol: 'all', ports: PortSet.ALL, peer: ANY_ADDRESS, origin: { label: 'network ACLs of the subnet', location } });
        return { ingress: [{ name: 'network ACL of the subnet', rules, defaultAction: 'allow', stateless: true }], egress: [{ name: 'outbound rules of the network ACL of the subnet', rules, defaultAction: 'allow', stateless: true }] };
    };
    const subnetGroups = indexBy(ctx.ofType('aws_db_subnet_group').filter((r) => r.mode === 'managed'), ['name', 'id']);
    /** The subnets links name; unknown when one of them is not known until apply or not in the plan (its ACL could be any). */
    const placementOf = (res, links) => {
        const subnets = [...new Set(links.flatMap((l) => l.targets))];
        for (const l of links) {
            if (l.unknown.length > 0)
                return { subnets, unknown: `${l.unknown[0]}, so which network ACL applies to ${res.address} is not known` };
            if (l.external.length > 0)
                return { subnets, unknown: `subnet ${l.external[0]} of ${res.address} is not in this plan, so neither is its network ACL` };
        }
        return { subnets };
    };
    let subnetRanges;
    /** The plan's subnets whose range holds an address. */
    const subnetsHolding = (ip) => {
        const at = cidrSet([ip]).set;
        if (at.isEmpty())
            return [];
        subnetRanges ??= [...subnetTypes].flatMap((t) => ctx.ofType(t)).map((subnet) => ({ subnet, range: subnetRange(subnet) }));
        return subnetRanges.filter((x) => !x.range.isEmpty() && x.range.covers(at)).map((x) => x.subnet);
    };
    return {
        subnetsOf(res, primaryInterface) {
            if (acls.length === 0 && externalOfSubnet.size === 0 && floating.length === 0)
                return { subnets: [] };
            if (res.type === 'aws_instance') {
                const own = subnetLinks(res, ['subnet_id']);
                // Launched on its own interface, an instance's subnet_id is computed from it.
                const links = own.targets.length > 0 || !primaryInterface ? own : subnetLinks(primaryInterface, ['subnet_id']);
                const placed = placementOf(res, [links]);
                // A subnet not known until apply, but a private address known now: the plan's subnet holding it.
                if (placed.subnets.length === 0 && (placed.unknown !== undefined || links.computed) && typeof res.values.private_ip === 'string') {
                    const holding = subnetsHolding(res.values.private_ip);
                    if (holding.length === 1)
                        return { subnets: holding };
                }
                // Not set: AWS picks a default subnet, which may be under an ACL of this plan.
                if (placed.subnets.length === 0 && placed.unknown === undefined && links.computed && lookup(res, ['subnet_id']).state === 'unknown') {
                    return { subnets: [], unknown: `AWS picks the subnet of ${res.address} at launch (subnet_id is not set), so which network ACL applies to it is not known` };
                }
                return placed;
            }
            if (BALANCER_TYPES.has(res.type)) {
                // A balancer has a node in each of its subnets, and a client may reach any of them.
                const links = [subnetLinks(res, ['subnets'])];
                const mappings = lookup(res, ['subnet_mapping']);
                if (mappings.state === 'known' && Array.isArray(mappings.value))
                    mappings.value.forEach((_m, i) => links.push(subnetLinks(res, ['subnet_mapping', i, 'subnet_id'])));
                return { ...placementOf(res, links), each: true };
            }
            if (res.type === 'aws_db_instance' || res.type === 'aws_rds_cluster') {
                const group = linkedResources(ctx, res, ['db_subnet_group_name'], { types: new Set(['aws_db_subnet_group']), byId: subnetGroups, what: 'DB subnet group' });
                const why = group.unknown[0] ?? (group.external.length > 0 ? `the DB subnet group ${group.external[0]} of ${res.address} is not in this plan` : undefined);
                if (why)
                    return { subnets: [], unknown: `${why}, so which network ACLs apply to it is not known` };
                return placementOf(res, group.targets.map((g) => subnetLinks(g, ['subnet_ids'])));
            }
            // Launch templates and configurations: their instances go where an autoscaling group puts them.
            return { subnets: [], unknown: `the subnets of the instances of ${res.address} are chosen when they launch, so which network ACLs apply to them is not known` };
        },
        layersFor(placed, location) {
            const subnets = placed.subnets;
            if (acls.length === 0 && externalOfSubnet.size === 0 && floating.length === 0)
                return { ingress: [], egress: [] };
            if (placed.unknown !== undefined)
                return undecidedLayers(placed.unknown, location);
            if (subnets.length === 0)
                return { ingress: [], egress: [] };
            const why = subnets.map(undecidedAcl).find((w) => w !== undefined);
            if (why)
                return undecidedLayers(why, location);
            const bySubnet = subnets.map((s) => ({ subnet: s, acls: aclsOfSubnet(s) }));
            const sameAcls = bySubnet.every((x) => x.acls.length === bySubnet[0].acls.length && x.acls.every((a, i) => a === bySubnet[0].acls[i]));
            if (!sameAcls) {
                // Subnets whose ACLs differ. In one of them (a database): what all of them allow
                // passes, what none does is blocked. In each (a balancer, a node per subnet): a
                // required flow must pass every one, a forbidden one gets in through any.
                const names = subnets.map((s) => s.address).join(', ');
                const perSubnet = (dir) => ({
                    name: `${dir === 'egress' ? 'outbound rules of ' : ''}the network ACLs of ${names} (${placed.each ? 'a node of the balancer in each' : 'in one of these subnets'})`,
                    rules: [],
                    defaultAction: 'allow',
                    stateless: true,
                    alternativesApply: placed.each ? 'each' : 'one',
                    alternatives: bySubnet.map((x) => {
                        if (x.acls.length === 0)
                            return { name: `AWS's default network ACL of ${x.subnet.address}`, rules: [], defaultAction: 'allow', stateless: true };
                        // One ACL per subnet here: several claiming one are undecided above.
                        const layers = layersOfAcl(x.acls[0], [x.subnet]);
                        return dir === 'ingress' ? layers.ingress : layers.egress;
                    }),
                });
                return { ingress: [perSubnet('ingress')], egress: [perSubnet('egress')] };
            }
            const ingress = [];
            const egress = [];
            for (const acl of bySubnet[0].acls) {
                const layers = layersOfAcl(acl, subnets);
                ingress.push(layers.ingress);
                egress.push(layers.egress);
            }
            return { ingress, egress };
        },
    };
}

;// CONCATENATED MODULE: ./src/core/terraform/aws-network.ts





/**
 * AWS security groups after apply. A group's rules come from its inline `ingress` /
 * `egress` blocks and from `aws_security_group_rule` and
 * `aws_vpc_security_group_ingress_rule` / `_egress_rule` resources. Groups are allow-only
 * and stateful; an instance gets the union of its groups' rules. Terraform removes the
 * allow-all egress AWS puts on a new group, so a group created here has no egress unless
 * the configuration declares it. Sources that are other groups match the instances in
 * them (identity `sg:<address>`); prefix lists the plan does not define are unknown.
 */
const GROUP_TYPES = new Set(['aws_security_group', 'aws_default_security_group']);
const SUBNET_TYPES = new Set(['aws_subnet', 'aws_default_subnet']);
/** Reasons from several sources in one new list (most are empty). */
function concatReasons(...lists) {
    const out = [];
    for (const list of lists)
        for (const r of list)
            out.push(r);
    return out;
}
function describeRule(protocol, ports, portsUnknown) {
    if (protocol === 'all')
        return 'all traffic';
    if (protocol !== 'tcp' && protocol !== 'udp')
        return protocol;
    return `${protocol}/${portsUnknown ? '?' : ports.describe()}`;
}
/** Matches a configuration block of an inline rule set to a plan block by its constant arguments. */
function blockMatcher(block) {
    return (config) => {
        for (const field of ['from_port', 'to_port', 'protocol', 'description', 'self']) {
            const e = config[field];
            if (!isObjectValue(e) || !('constant_value' in e))
                continue;
            const want = e.constant_value;
            const have = block[field];
            if (have === undefined || have === null)
                continue;
            const same = field === 'protocol' ? awsProtocol(want) === awsProtocol(have) : String(want) === String(have);
            if (!same)
                return false;
        }
        return true;
    };
}
/** `r`, or a copy that may not apply for `why` (a group a condition picks): a rule already in doubt keeps its reason. */
const mayNotApply = (r, why) => (why === undefined || r.uncertain !== undefined ? r : { ...r, uncertain: why });
function buildAwsNetwork(ctx) {
    const groupResources = [...GROUP_TYPES].flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed');
    const groupsById = indexBy(groupResources, ['id', 'name', 'arn']);
    const prefixLists = indexBy(ctx.ofType('aws_ec2_managed_prefix_list'), ['id']);
    const subnetsById = indexBy([...SUBNET_TYPES].flatMap((t) => ctx.ofType(t)), ['id']);
    const groups = new Map();
    for (const res of groupResources) {
        groups.set(res.address, { res, identity: `sg:${res.address}`, location: ctx.locate(res), ingress: [], egress: [] });
    }
    /** Rules whose group is not known until apply: they may belong to any group. */
    const floating = { ingress: [], egress: [] };
    const groupLinks = (res, path, matchBlock) => linkedResources(ctx, res, path, { types: GROUP_TYPES, byId: groupsById, what: 'security group', matchBlock });
    /** The identities a list of linked groups stands for: in-plan groups by address, others by id. */
    const identitiesOf = (links) => {
        const out = [];
        for (const t of links.targets)
            out.push(`sg:${t.address}`);
        for (const id of links.external)
            out.push(`sg:${id.includes('/') ? id.split('/').pop() : id}`);
        return out;
    };
    const entries = prefixListEntries(ctx, prefixLists);
    /** Prefix lists this plan defines become their CIDRs (inline entries and entry resources); others are unknown. */
    const prefixListPeer = (ids, label) => {
        if (ids.length === 0)
            return { set: AddressSet.EMPTY, unknown: [] };
        let set = AddressSet.EMPTY;
        const unknown = [];
        for (const id of ids) {
            if (typeof id !== 'string')
                continue;
            const pl = prefixLists.get(id);
            const cidrs = pl ? entries.cidrsOf(pl) : undefined;
            if (!pl || !cidrs) {
                unknown.push(`${label()} names prefix list ${id}, whose CIDRs are not in this plan`);
                continue;
            }
            const parsed = cidrSet(cidrs.values);
            set = set.union(parsed.set);
            for (const u of cidrs.unknown)
                unknown.push(`${label()} names prefix list ${id}: ${u}`);
            for (const c of parsed.invalid)
                unknown.push(`${label()} names prefix list ${id}, whose entry "${c}" is not a CIDR`);
        }
        return { set, unknown };
    };
    /** Turns the sources of one rule into rules: one for what is known, one per unknown part. */
    const rulesOf = (base, known, unknown) => {
        const rules = [];
        // Written out rather than spread: this runs for every rule of every group.
        const rule = (peer) => {
            const r = { action: base.action, priority: base.priority, protocol: base.protocol, ports: base.ports, portsUnknown: base.portsUnknown, origin: base.origin, peer };
            if (base.local)
                r.local = base.local;
            if (base.uncertain)
                r.uncertain = base.uncertain;
            return r;
        };
        if (!known.addresses.isEmpty() || known.identities.length > 0)
            rules.push(rule({ addresses: known.addresses, identities: known.identities, label: known.label }));
        if (unknown.length > 0)
            rules.push(rule(unknownPeer(unknown.join('; '))));
        return rules;
    };
    const peerLabel = (addresses, identities) => {
        let label = addresses.isEmpty() ? '' : addresses.describe(3);
        for (const i of identities)
            label += `${label === '' ? '' : ', '}${i.startsWith('sg:') ? i.slice(3) : i}`;
        return label || 'nothing';
    };
    const RULE_TYPES = ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];
    // Groups that separate rule resources (kept or deleted by this plan) write to: their
    // inline attributes, read back from AWS, mirror those resources.
    const targetedByRules = new Set();
    // Each rule's group, linked once: the rule is added to it below.
    const ruleTargets = new Map();
    for (const type of RULE_TYPES) {
        for (const r of ctx.ofType(type)) {
            const links = groupLinks(r, ['security_group_id']);
            ruleTargets.set(r, links);
            for (const t of links.targets)
                targetedByRules.add(t.address);
        }
    }
    for (const r of ctx.state.deleted) {
        const id = RULE_TYPES.includes(r.type) ? r.values.security_group_id : undefined;
        const g = typeof id === 'string' ? groupsById.get(id) : undefined;
        if (g)
            targetedByRules.add(g.address);
    }
    // Inline rules of each group.
    for (const group of groups.values()) {
        const res = group.res;
        for (const dir of ['ingress', 'egress']) {
            let configured = isConfigured(ctx, res, dir);
            if (configured === 'maybe' && targetedByRules.has(res.address))
                configured = 'no';
            const value = lookup(res, [dir]);
            if (value.state === 'unknown') {
                // Not written in configuration: the attribute mirrors the separate rule resources (or
                // is empty: Terraform strips AWS's default egress from a group it creates).
                if (configured === 'yes') {
                    group[dir].push(mayAllowAnything(`the ${dir} rules of ${res.address} are not known until apply`, { label: `${res.address} ${dir}`, location: group.location }));
                }
                continue;
            }
            // A value from state when configuration does not write the blocks mirrors the
            // separate rule resources, including ones this plan deletes: those resources decide.
            if (value.state !== 'known' || !Array.isArray(value.value) || configured === 'no')
                continue;
            // Plans leave nested blocks of attributes-as-blocks out of `configuration` (unless written
            // as `ingress = [...]`): an unknown value inside one cannot be followed.
            const recorded = ctx.resolver.isSet(res, dir);
            const unrecorded = `the plan's configuration does not record the ${dir} block it is written in`;
            const blocks = value.value;
            for (let i = 0; i < blocks.length; i++) {
                const block = blocks[i];
                if (!isObjectValue(block))
                    continue;
                const matchBlock = blockMatcher(block);
                const fieldOptions = recorded ? { matchBlock, computedDefault: [] } : { unrecorded };
                const protocol = awsProtocol(block.protocol);
                const where = [dir, i];
                const origin = (text) => ({ label: `${res.address} ${dir} rule ${text}`, location: group.location });
                if (!protocol) {
                    group[dir].push(mayAllowAnything(`${describeAttribute(res, [...where, 'protocol'])} is not known until apply`, origin('(protocol unknown)')));
                    continue;
                }
                const ports = rulePorts(protocol, block.from_port, block.to_port);
                const cidrs = attributeValues(ctx, res, [...where, 'cidr_blocks'], fieldOptions);
                const cidrs6 = attributeValues(ctx, res, [...where, 'ipv6_cidr_blocks'], fieldOptions);
                const parsed = cidrSet(cidrs6.values.length === 0 ? cidrs.values : [...cidrs.values, ...cidrs6.values]);
                const sgs = groupLinks(res, [...where, 'security_groups'], matchBlock);
                if (sgs.computed && !recorded)
                    sgs.unknown.push(`${describeAttribute(res, [...where, 'security_groups'])} is not known until apply, and ${unrecorded}`);
                const pls = attributeValues(ctx, res, [...where, 'prefix_list_ids'], fieldOptions);
                const pl = prefixListPeer(pls.values, () => describeAttribute(res, [...where, 'prefix_list_ids']));
                const identities = identitiesOf(sgs);
                if (block.self === true)
                    identities.push(group.identity);
                const addresses = parsed.set.union(pl.set);
                const unknown = concatReasons(cidrs.unknown, cidrs6.unknown, sgs.unknown, pls.unknown, pl.unknown);
                // self unknown until apply: the group's own members may be admitted, or not.
                if (lookup(res, [...where, 'self']).state === 'unknown')
                    unknown.push(`${describeAttribute(res, [...where, 'self'])} is not known until apply`);
                for (const c of parsed.invalid)
                    unknown.push(`"${c}" in ${describeAttribute(res, [...where, 'cidr_blocks'])} is not a CIDR`);
                const label = peerLabel(addresses, identities);
                const text = `${describeRule(protocol, ports.ports, ports.unknown)} ${dir === 'ingress' ? 'from' : 'to'} ${label}`;
                for (const rule of rulesOf({ action: 'allow', priority: 0, protocol, ports: ports.ports, portsUnknown: ports.unknown, origin: origin(text), uncertain: sgs.choice }, { addresses, identities, label }, unknown))
                    group[dir].push(rule);
            }
        }
    }
    // Separate rule resources, added to the group their security_group_id links to (above).
    const addRule = (res, dir, build) => {
        const target = ruleTargets.get(res) ?? groupLinks(res, ['security_group_id']);
        const location = ctx.locate(res);
        const dirs = dir ? [dir] : ['ingress', 'egress'];
        for (const g of target.targets) {
            const group = groups.get(g.address);
            // Attached to one of several groups a condition picks: in each, a rule that may not be there.
            if (group)
                for (const d of dirs)
                    for (const r of build(group))
                        group[d].push(mayNotApply(r, target.choice));
        }
        if (target.unknown.length > 0 || (target.targets.length === 0 && target.external.length === 0)) {
            const why = target.unknown.join('; ') || `${describeAttribute(res, ['security_group_id'])} is not known until apply`;
            const local = unknownPeer(why);
            for (const d of dirs)
                for (const rule of build(undefined))
                    floating[d].push({ ...rule, local, origin: { ...rule.origin, location } });
        }
    };
    for (const res of ctx.ofType('aws_security_group_rule')) {
        if (res.mode !== 'managed')
            continue;
        const type = lookup(res, ['type']);
        const dir = type.state === 'known' && (type.value === 'ingress' || type.value === 'egress') ? type.value : undefined;
        const location = ctx.locate(res);
        addRule(res, dir, (group) => {
            const protocol = awsProtocol(res.values.protocol);
            if (!protocol)
                return [mayAllowAnything(`${describeAttribute(res, ['protocol'])} is not known until apply`, { label: res.address, location })];
            const ports = rulePorts(protocol, res.values.from_port, res.values.to_port);
            const cidrs = attributeValues(ctx, res, ['cidr_blocks'], { computedDefault: [] });
            const cidrs6 = attributeValues(ctx, res, ['ipv6_cidr_blocks'], { computedDefault: [] });
            const parsed = cidrSet([...cidrs.values, ...cidrs6.values]);
            const pls = attributeValues(ctx, res, ['prefix_list_ids'], { computedDefault: [] });
            const pl = prefixListPeer(pls.values, () => describeAttribute(res, ['prefix_list_ids']));
            const self = res.values.self === true;
            const identities = [];
            const unknown = concatReasons(cidrs.unknown, cidrs6.unknown, pls.unknown, pl.unknown);
            if (lookup(res, ['self']).state === 'unknown')
                unknown.push(`${describeAttribute(res, ['self'])} is not known until apply`);
            for (const c of parsed.invalid)
                unknown.push(`"${c}" in ${describeAttribute(res, ['cidr_blocks'])} is not a CIDR`);
            if (self) {
                if (group)
                    identities.push(group.identity);
                else
                    unknown.push(`${describeAttribute(res, ['security_group_id'])} is not known until apply, so the group that self = true names is unknown`);
            }
            // source_security_group_id conflicts with cidr_blocks and self: it only matters without them.
            const hasOther = !parsed.set.isEmpty() || self || pls.values.length > 0 || cidrs.unknown.length > 0;
            let uncertain;
            if (!hasOther) {
                const source = groupLinks(res, ['source_security_group_id']);
                uncertain = source.choice;
                identities.push(...identitiesOf(source));
                unknown.push(...source.unknown);
                if (source.computed && source.targets.length === 0 && source.external.length === 0 && identities.length === 0 && unknown.length === 0) {
                    unknown.push(`${res.address} has no source: none of cidr_blocks, ipv6_cidr_blocks, prefix_list_ids, self or source_security_group_id is known`);
                }
            }
            const addresses = parsed.set.union(pl.set);
            const label = peerLabel(addresses, identities);
            const text = `(${dir ?? '?'} ${describeRule(protocol, ports.ports, ports.unknown)} ${dir === 'egress' ? 'to' : 'from'} ${label})`;
            return rulesOf({ action: 'allow', priority: 0, protocol, ports: ports.ports, portsUnknown: ports.unknown, origin: { label: `${res.address} ${text}`, location }, uncertain }, { addresses, identities, label }, unknown);
        });
    }
    for (const [type, dir] of [['aws_vpc_security_group_ingress_rule', 'ingress'], ['aws_vpc_security_group_egress_rule', 'egress']]) {
        for (const res of ctx.ofType(type)) {
            if (res.mode !== 'managed')
                continue;
            const location = ctx.locate(res);
            addRule(res, dir, () => {
                const protocol = awsProtocol(res.values.ip_protocol);
                if (!protocol)
                    return [mayAllowAnything(`${describeAttribute(res, ['ip_protocol'])} is not known until apply`, { label: res.address, location })];
                const ports = rulePorts(protocol, res.values.from_port, res.values.to_port);
                const v4 = attributeValues(ctx, res, ['cidr_ipv4'], { computedDefault: [] });
                const v6 = attributeValues(ctx, res, ['cidr_ipv6'], { computedDefault: [] });
                const parsed = cidrSet([...v4.values, ...v6.values]);
                const pls = attributeValues(ctx, res, ['prefix_list_id'], { computedDefault: [] });
                const pl = prefixListPeer(pls.values, () => describeAttribute(res, ['prefix_list_id']));
                const source = groupLinks(res, ['referenced_security_group_id']);
                const identities = identitiesOf(source);
                const addresses = parsed.set.union(pl.set);
                const unknown = concatReasons(v4.unknown, v6.unknown, pls.unknown, pl.unknown, source.unknown);
                for (const c of parsed.invalid)
                    unknown.push(`"${c}" in ${res.address} is not a CIDR`);
                const label = peerLabel(addresses, identities);
                const text = `(${describeRule(protocol, ports.ports, ports.unknown)} ${dir === 'ingress' ? 'from' : 'to'} ${label})`;
                return rulesOf({ action: 'allow', priority: 0, protocol, ports: ports.ports, portsUnknown: ports.unknown, origin: { label: `${res.address} ${text}`, location }, uncertain: source.choice }, { addresses, identities, label }, unknown);
            });
        }
    }
    const interfaces = interfaceGroups(ctx, groupLinks);
    const networkAcls = buildNetworkAcls(ctx, SUBNET_TYPES, (res, path) => linkedResources(ctx, res, path, { types: SUBNET_TYPES, byId: subnetsById, what: 'subnet' }));
    const sharedLayers = new Map();
    const serverNetwork = (res, paths) => {
        const linked = { targets: [], external: [], unknown: [], computed: true };
        for (const path of paths)
            mergeLinks(linked, groupLinks(res, path));
        const { eni, primary, attached, secondary } = interfaces.of(res);
        for (const l of primary)
            mergeLinks(linked, l);
        // Naming no group, the instance (or its interface) gets its VPC's default group, whose
        // rules the plan does not hold; groups attached later come on top of it.
        const named = linked.targets.length > 0 || linked.external.length > 0 || linked.unknown.length > 0;
        for (const l of attached)
            mergeLinks(linked, l);
        const addresses = serverAddresses(ctx, res, subnetsById);
        const location = ctx.locate(res);
        const acl = networkAcls.layersFor(networkAcls.subnetsOf(res, eni), location);
        const defaultGroup = named ? undefined : `${res.address} names no security group, so AWS attaches the default security group of its VPC, whose rules are not in this plan: name its groups in ${paths.map((p) => p.join('.')).join(' or ')}`;
        if (defaultGroup && attached.length === 0) {
            const why = defaultGroup;
            return {
                ingress: [unknownLayer('default security group', why, location), ...acl.ingress],
                egress: [unknownLayer('default security group', why, location), ...acl.egress],
                identities: [],
                identitiesUnknown: why,
                ...addresses,
            };
        }
        const inPlan = linked.targets.map((t) => groups.get(t.address)).filter((g) => g !== undefined);
        // Servers in the same groups share their layers (built once; the flow caches keyed by
        // layer then serve all of them). Layers that name the server in a reason are its own.
        const otherInterfaces = secondary.length > 0 ? `${res.address} has other network interfaces (${secondary.join(', ')}); each is reached at its own address under its own security groups, which may let in (or out) what these deny` : undefined;
        const shareable = linked.unknown.length === 0 && linked.external.length === 0 && !defaultGroup && !otherInterfaces && linked.choice === undefined;
        const key = shareable ? inPlan.map((g) => g.res.address).join('\n') : undefined;
        const names = [...inPlan.map((g) => g.res.address), ...linked.external];
        const layer = (dir) => {
            const rules = [];
            // First: what the groups allow stays certain, what they deny becomes unknown.
            if (otherInterfaces)
                rules.push(mayAllowAnything(otherInterfaces, { label: `other network interfaces of ${res.address}`, location }));
            // Groups a condition picks between: each may not be attached, so none of their rules is certain.
            for (const g of inPlan)
                for (const r of g[dir])
                    rules.push(mayNotApply(r, linked.choice));
            for (const r of floating[dir])
                rules.push(r);
            for (const id of linked.external)
                rules.push(mayAllowAnything(`security group ${id} is not in this plan, so its ${dir} rules are unknown`, { label: `security group ${id}`, location }));
            if (linked.unknown.length > 0)
                rules.push(mayAllowAnything(linked.unknown.join('; '), { label: `security groups of ${res.address}`, location }));
            if (defaultGroup)
                rules.push(mayAllowAnything(defaultGroup, { label: 'default security group', location }));
            for (const why of interfaces.floating)
                rules.push(mayAllowAnything(why, { label: `security group attachments`, location }));
            const first = inPlan[0];
            return {
                name: `${dir === 'egress' ? 'egress of ' : ''}security group${names.length === 1 ? '' : 's'} ${names.join(', ') || '(unknown)'}`,
                rules,
                defaultAction: 'deny',
                fix: first ? { kind: 'resource', address: first.res.address, rule: dir === 'ingress' ? 'an ingress rule' : 'an egress rule' } : undefined,
                fixLocation: first?.location,
            };
        };
        let layers = key === undefined ? undefined : sharedLayers.get(key);
        if (!layers) {
            layers = { ingress: layer('ingress'), egress: layer('egress') };
            if (key !== undefined)
                sharedLayers.set(key, layers);
        }
        const doubts = [...linked.unknown, defaultGroup, linked.choice].filter((d) => d !== undefined);
        return {
            ingress: [layers.ingress, ...acl.ingress],
            egress: [layers.egress, ...acl.egress],
            // In groups a condition picks between, it is in none for certain: rules naming them may or may not admit it.
            identities: linked.choice === undefined ? identitiesOf(linked) : [],
            identitiesUnknown: doubts.length > 0 ? doubts.join('; ') : undefined,
            ...addresses,
        };
    };
    return { serverNetwork, aclLayers: (res) => networkAcls.layersFor(networkAcls.subnetsOf(res), ctx.locate(res)), groupCount: groups.size };
}
const INTERFACE_TYPES = new Set(['aws_instance', 'aws_network_interface']);
const ENI_TYPES = new Set(['aws_network_interface']);
const INSTANCE_TYPES = new Set(['aws_instance']);
/**
 * Groups an instance gets through network interfaces: those of the interface its
 * `network_interface` block (device 0) attaches, and those `aws_network_interface_sg_attachment`
 * adds to its primary interface or to that interface. An attachment whose interface is
 * not known until apply may add its group to any instance (`floating`). Secondary
 * interfaces are not modelled.
 */
function interfaceGroups(ctx, groupLinks) {
    const eniResources = ctx.ofType('aws_network_interface').filter((r) => r.mode === 'managed');
    const enis = indexBy(eniResources, ['id']);
    const instances = indexBy(ctx.ofType('aws_instance').filter((r) => r.mode === 'managed'), ['id']);
    // Interfaces attached beside the primary one, by instance: each is reached at its own
    // address under its own groups, which one server (one address set, one filter) cannot hold.
    const secondary = new Map();
    const addSecondary = (res, path, name) => {
        for (const t of linkedResources(ctx, res, path, { types: INSTANCE_TYPES, byId: instances, what: 'instance' }).targets)
            secondary.set(t, [...(secondary.get(t) ?? []), name]);
    };
    for (const a of ctx.ofType('aws_network_interface_attachment'))
        if (a.mode === 'managed')
            addSecondary(a, ['instance_id'], a.address);
    for (const eni of eniResources) {
        const blocks = lookup(eni, ['attachment']);
        if (blocks.state === 'known' && Array.isArray(blocks.value))
            blocks.value.forEach((b, i) => isObjectValue(b) && Number(b.device_index ?? 0) > 0 && addSecondary(eni, ['attachment', i, 'instance'], eni.address));
    }
    // A primary interface's id names its instance.
    const byId = new Map(enis);
    for (const i of ctx.ofType('aws_instance')) {
        const id = i.values.primary_network_interface_id;
        if (i.mode === 'managed' && typeof id === 'string' && id !== '')
            byId.set(id, i);
    }
    const attached = new Map();
    const floating = [];
    for (const a of ctx.ofType('aws_network_interface_sg_attachment')) {
        if (a.mode !== 'managed')
            continue;
        const to = linkedResources(ctx, a, ['network_interface_id'], { types: INTERFACE_TYPES, byId, what: 'network interface' });
        const groups = groupLinks(a, ['security_group_id']);
        for (const t of to.targets)
            attached.set(t, [...(attached.get(t) ?? []), groups]);
        for (const u of to.unknown)
            floating.push(`${a.address} attaches a security group to a network interface that is not known until apply (${u})`);
    }
    // The interface an instance is launched on: a `network_interface` block at device 0, or
    // (provider 6) `primary_network_interface`.
    const primaryInterface = (instance) => {
        for (const name of ['network_interface', 'primary_network_interface']) {
            const blocks = lookup(instance, [name]);
            if (blocks.state !== 'known' || !Array.isArray(blocks.value))
                continue;
            const i = blocks.value.findIndex((b) => isObjectValue(b) && Number(b.device_index ?? 0) === 0);
            if (i >= 0)
                return linkedResources(ctx, instance, [name, i, 'network_interface_id'], { types: ENI_TYPES, byId: enis, what: 'network interface' }).targets[0];
        }
        return undefined;
    };
    return {
        floating,
        of(instance) {
            if (instance.type !== 'aws_instance')
                return { primary: [], attached: [], secondary: [] };
            const eni = primaryInterface(instance);
            const blocks = lookup(instance, ['network_interface']);
            const launchedWith = blocks.state === 'known' && Array.isArray(blocks.value) ? blocks.value.filter((b) => isObjectValue(b) && Number(b.device_index ?? 0) > 0).map((b) => `the network_interface at device ${String(b.device_index)}`) : [];
            return {
                eni,
                primary: eni ? [groupLinks(eni, ['security_groups'])] : [],
                attached: [...(attached.get(instance) ?? []), ...(eni ? (attached.get(eni) ?? []) : [])],
                secondary: [...launchedWith, ...(secondary.get(instance) ?? [])],
            };
        },
    };
}
const PREFIX_LIST_TYPES = new Set(['aws_ec2_managed_prefix_list']);
const ENTRY_TYPE = 'aws_ec2_managed_prefix_list_entry';
/**
 * The CIDRs of each prefix list the plan defines: its inline `entry` blocks and the
 * `aws_ec2_managed_prefix_list_entry` resources that add to it. Where such resources
 * manage a list (kept, created or deleted here) and configuration does not write `entry`,
 * the attribute only mirrors them as read back from AWS (deleted entries included): the
 * resources decide. An entry whose list is not known until apply may belong to any list.
 */
function prefixListEntries(ctx, lists) {
    const added = new Map();
    const managedByEntries = new Set();
    const floating = [];
    for (const e of ctx.ofType(ENTRY_TYPE)) {
        if (e.mode !== 'managed')
            continue;
        const list = linkedResources(ctx, e, ['prefix_list_id'], { types: PREFIX_LIST_TYPES, byId: lists, what: 'prefix list' });
        const cidr = attributeValues(ctx, e, ['cidr']);
        for (const t of list.targets) {
            managedByEntries.add(t);
            const into = added.get(t) ?? { values: [], unknown: [] };
            into.values.push(...cidr.values);
            into.unknown.push(...cidr.unknown);
            added.set(t, into);
        }
        for (const u of list.unknown)
            floating.push(`${e.address} may add ${cidr.values.join(', ') || 'a CIDR'} to it (${u})`);
    }
    for (const e of ctx.state.deleted) {
        const id = e.type === ENTRY_TYPE ? e.values.prefix_list_id : undefined;
        const list = typeof id === 'string' ? lists.get(id) : undefined;
        if (list)
            managedByEntries.add(list);
    }
    return {
        cidrsOf(list) {
            const own = added.get(list);
            const values = [...(own?.values ?? [])];
            const unknown = [...(own?.unknown ?? []), ...floating];
            if (!managedByEntries.has(list) || isConfigured(ctx, list, 'entry') === 'yes') {
                const inline = lookup(list, ['entry']);
                if (inline.state === 'known' && Array.isArray(inline.value))
                    for (const e of inline.value)
                        values.push(isObjectValue(e) ? e.cidr : undefined);
                else if (inline.state === 'unknown')
                    unknown.push('its entries are not known until apply');
                else if (!managedByEntries.has(list))
                    return undefined;
            }
            return { values, unknown };
        },
    };
}
/** An instance's private address when known, else the range of its subnet (address assigned at apply). */
function serverAddresses(ctx, res, subnetsById) {
    const ip = lookup(res, ['private_ip']);
    const v6 = lookup(res, ['ipv6_addresses']);
    if (ip.state === 'known' && typeof ip.value === 'string') {
        const set = cidrSet([ip.value, ...(v6.state === 'known' && Array.isArray(v6.value) ? v6.value : [])]);
        if (set.invalid.length === 0 && !set.set.isEmpty())
            return { addresses: set.set, addressesExact: true };
    }
    const subnet = linkedResources(ctx, res, ['subnet_id'], { types: SUBNET_TYPES, byId: subnetsById, what: 'subnet' });
    let range = AddressSet.EMPTY;
    for (const s of subnet.targets)
        range = range.union(cidrSet([s.values.cidr_block, s.values.ipv6_cidr_block]).set);
    if (subnet.unknown.length > 0 || subnet.external.length > 0 || range.isEmpty()) {
        // Somewhere in IPv4: an instance's primary private address is IPv4 unless its subnet is
        // IPv6-only, which the plan shows when it declares the subnet.
        return { addresses: AddressSet.ALL_V4, addressesExact: false };
    }
    return { addresses: range, addressesExact: false };
}

;// CONCATENATED MODULE: ./src/core/terraform/azure-network.ts





/**
 * Azure network security groups after apply. An NSG's rules are its inline
 * `security_rule` blocks or `azurerm_network_security_rule` resources, evaluated by
 * priority (lowest number first, first match wins), Allow or Deny, then the default rules
 * (AllowVnetInBound 65000, AllowAzureLoadBalancerInBound 65001, DenyAllInBound 65500 and
 * the outbound three). An NSG on the subnet and one on the NIC both apply: traffic must
 * pass both. A NIC in a subnet declared here without any NSG admits its virtual network;
 * from outside, it depends on its public IP's SKU, which makes such flows unknown.
 *
 * Service tags: `*` / `Any` is every address, `Internet` every address outside VirtualNetwork,
 * `AzureLoadBalancer` the platform's 168.63.129.16, and `VirtualNetwork` the address
 * spaces of the virtual networks, peerings, local network gateways and routes this plan
 * declares (Azure's definition; what other configurations add is not seen). Other tags
 * (Storage, Sql, GatewayManager, …) are ranges Azure publishes: unknown here.
 */
const NSG = 'azurerm_network_security_group';
const NIC = 'azurerm_network_interface';
const SUBNET = 'azurerm_subnet';
const ASG = 'azurerm_application_security_group';
const RULE = 'azurerm_network_security_rule';
/**
 * AzureLoadBalancer is the platform's health probe (168.63.129.16), a virtual address no
 * client or server can be: a rule naming it admits no flow topogate checks, so it matches by
 * an identity nothing carries rather than by an address that lies in the public space.
 */
const AZURE_LOAD_BALANCER = { addresses: AddressSet.EMPTY, identities: ['azure:AzureLoadBalancer'], label: 'AzureLoadBalancer' };
/** `*`, `443`, `8000-8080`; "" and null (the unused one of `_range` / `_ranges`) are skipped. */
function portList(values) {
    const specs = values.filter((x) => (typeof x === 'string' && x.trim() !== '') || typeof x === 'number');
    const sets = [];
    const invalid = [];
    for (const spec of specs) {
        const text = String(spec).trim();
        const r = text === '*' ? { ok: true, value: PortSet.ALL } : parsePortSpec(text);
        if (r.ok)
            sets.push(r.value);
        else
            invalid.push(text);
    }
    return { ports: PortSet.unionOf(sets), invalid, given: specs.length > 0 };
}
function buildAzureNetwork(ctx) {
    const managed = (type) => ctx.ofType(type).filter((r) => r.mode === 'managed');
    const nsgResources = managed(NSG);
    const nsgById = indexBy(nsgResources, ['id'], true);
    const nsgByName = new Map();
    for (const r of nsgResources) {
        if (typeof r.values.name === 'string')
            nsgByName.set(`${String(r.values.resource_group_name ?? '').toLowerCase()}/${r.values.name.toLowerCase()}`, r);
    }
    const nicById = indexBy(managed(NIC), ['id'], true);
    const subnetById = indexBy(managed(SUBNET), ['id'], true);
    const asgById = indexBy(managed(ASG), ['id'], true);
    const link = (res, path, type, byId, what) => linkedResources(ctx, res, path, { types: new Set([type]), byId, what });
    // VirtualNetwork: every address space the plan declares on the virtual network side.
    let vnetSpace = AddressSet.EMPTY;
    const addSpace = (values) => {
        vnetSpace = vnetSpace.union(cidrSet(values).set);
    };
    for (const v of managed('azurerm_virtual_network'))
        addSpace(attributeValues(ctx, v, ['address_space']).values);
    for (const g of managed('azurerm_local_network_gateway'))
        addSpace(attributeValues(ctx, g, ['address_space']).values);
    for (const r of managed('azurerm_route'))
        addSpace(attributeValues(ctx, r, ['address_prefix']).values);
    for (const t of managed('azurerm_route_table')) {
        const routes = lookup(t, ['route']);
        if (routes.state === 'known' && Array.isArray(routes.value))
            addSpace(routes.value.map((x) => (isObjectValue(x) ? x.address_prefix : undefined)));
    }
    /**
     * Internet: "the address space outside the virtual network". With the VNet known that is
     * everything else (a private source outside VirtualNetwork cannot reach the NIC anyway);
     * without it, the public address space.
     */
    const internetTag = () => (vnetSpace.isEmpty() ? INTERNET : AddressSet.ALL.subtract(vnetSpace));
    /** A source or destination of a rule: address prefixes and application security groups. */
    const endpointOf = (res, prefixes, asgPath) => {
        let addresses = AddressSet.EMPTY;
        const identities = [];
        const unknown = [];
        let any = false;
        for (const p of prefixes) {
            const lower = p.toLowerCase();
            if (lower === '*' || lower === 'any') {
                any = true;
                addresses = AddressSet.ALL;
            }
            else if (lower === 'internet')
                addresses = addresses.union(internetTag());
            else if (lower === 'azureloadbalancer')
                identities.push(...AZURE_LOAD_BALANCER.identities);
            else if (lower === 'virtualnetwork') {
                if (vnetSpace.isEmpty())
                    unknown.push(`service tag VirtualNetwork in ${res.address}: no virtual network address space is declared in this plan`);
                else
                    addresses = addresses.union(vnetSpace);
            }
            else {
                const c = cidrSet([p]);
                if (c.invalid.length === 0)
                    addresses = addresses.union(c.set);
                else
                    unknown.push(`service tag ${p} in ${res.address}: Azure publishes its address ranges; they are not in the plan`);
            }
        }
        if (asgPath) {
            const asgs = link(res, asgPath, ASG, asgById, 'application security group');
            identities.push(...asgs.targets.map((t) => `asg:${t.address}`), ...asgs.external.map((id) => `asg:${id.toLowerCase()}`));
            unknown.push(...asgs.unknown);
        }
        // With application security groups a "*" prefix is Azure's placeholder, not "any address".
        const asgs = identities.filter((i) => i.startsWith('asg:'));
        if (any && asgs.length > 0) {
            addresses = AddressSet.EMPTY;
            any = false;
        }
        const label = [...prefixes.filter((p) => asgs.length === 0 || p !== '*'), ...asgs.map((i) => i.replace(/^asg:/, 'ASG '))].join(', ');
        const known = !addresses.isEmpty() || identities.length > 0 ? { addresses, identities, label } : undefined;
        return { known, unknown, any };
    };
    /** One security rule (inline block or resource) as model rules; values unknown until apply are followed through configuration. */
    const ruleOf = (res, base, originLabel, location, matchBlock) => {
        const origin = { label: originLabel, location };
        const unknownParts = [];
        // Inline blocks are left out of the plan's configuration unless written as an argument.
        const recorded = base.length === 0 || ctx.resolver.isSet(res, String(base[0]));
        const options = recorded ? { matchBlock, computedDefault: [] } : { unrecorded: `the plan's configuration does not record the ${String(base[0])} block it is written in` };
        const field = (name) => {
            const v = attributeValues(ctx, res, [...base, name], options);
            unknownParts.push(...v.unknown);
            return v.values;
        };
        const first = (name) => field(name)[0];
        const directionValue = first('direction');
        const direction = directionValue === 'Inbound' || directionValue === 'Outbound' ? directionValue : undefined;
        const priorityValue = first('priority');
        const priority = typeof priorityValue === 'number' ? priorityValue : typeof priorityValue === 'string' && /^\d+$/.test(priorityValue) ? Number(priorityValue) : undefined;
        const accessValue = first('access');
        const action = accessValue === 'Allow' ? 'allow' : accessValue === 'Deny' ? 'deny' : undefined;
        const protocol = ipProtocol(first('protocol'), { all: ['*', 'any'], numbers: false });
        const unsure = (missing) => (unknownParts.length > 0 ? unknownParts.join('; ') : `the ${missing} of ${originLabel} ${missing.includes(',') ? 'are' : 'is'} not known until apply`);
        // A rule whose access, number or match is not known may allow or deny: both outcomes are
        // kept (a Deny that may come first leaves what a later Allow lets in undecided, never a pass).
        if (!direction || priority === undefined || !protocol) {
            const why = unsure([!direction && 'direction', priority === undefined && 'priority', !action && 'access', !protocol && 'protocol'].filter(Boolean).join(', '));
            return { direction, rules: undecidedRules(why, { priority: priority ?? 0, protocol: 'all', ports: PortSet.ALL, peer: unknownPeer(why), origin }) };
        }
        const accessUnknown = action ? undefined : unsure('access');
        const before = unknownParts.length;
        const dst = portList([...field('destination_port_range'), ...field('destination_port_ranges')]);
        const src = portList([...field('source_port_range'), ...field('source_port_ranges')]);
        let portsUnknown;
        if (unknownParts.length > before)
            portsUnknown = unknownParts.slice(before).join('; ');
        else if (!dst.given || dst.invalid.length > 0)
            portsUnknown = `the destination ports of ${originLabel} are not known${dst.invalid.length > 0 ? ` ("${dst.invalid.join('", "')}" is not a port range)` : ''}`;
        else if (src.given && !src.ports.equals(PortSet.ALL))
            portsUnknown = `${originLabel} matches only source ports ${src.ports.describe()}, and topogate does not model source ports`;
        const prefixes = (single, list) => {
            const mark = unknownParts.length;
            const values = [...field(single), ...field(list)].filter((x) => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
            return { values, unknown: unknownParts.splice(mark) };
        };
        const sourcePrefixes = prefixes('source_address_prefix', 'source_address_prefixes');
        const destPrefixes = prefixes('destination_address_prefix', 'destination_address_prefixes');
        const source = endpointOf(res, sourcePrefixes.values, [...base, 'source_application_security_group_ids']);
        const dest = endpointOf(res, destPrefixes.values, [...base, 'destination_application_security_group_ids']);
        source.unknown.push(...sourcePrefixes.unknown);
        dest.unknown.push(...destPrefixes.unknown);
        const [remote, local] = direction === 'Inbound' ? [source, dest] : [dest, source];
        const localPrefixes = (direction === 'Inbound' ? destPrefixes : sourcePrefixes).values;
        // The endpoint an NSG filters is always inside VirtualNetwork: that destination narrows nothing.
        // Application security groups exclude address prefixes (Azure refuses both): they narrow even beside a "*".
        const localAsgs = local.known?.identities.some((i) => i.startsWith('asg:')) ?? false;
        const localIsAll = local.unknown.length === 0 && !localAsgs && (local.any || local.known === undefined || (localPrefixes.length > 0 && localPrefixes.every((p) => p.toLowerCase() === 'virtualnetwork')));
        const localPeer = localIsAll ? undefined : local.unknown.length > 0 ? unknownPeer(local.unknown.join('; ')) : local.known;
        const ports = protocol === 'tcp' || protocol === 'udp' ? dst.ports : PortSet.ALL;
        const rules = [];
        const ruleBase = { priority, protocol, ports, portsUnknown, local: localPeer, origin };
        const add = (peer) => {
            if (action)
                rules.push({ ...ruleBase, action, peer });
            else
                rules.push(...undecidedRules(accessUnknown ?? '', { ...ruleBase, peer }));
        };
        if (remote.known)
            add(remote.known);
        if (remote.unknown.length > 0)
            add(unknownPeer(remote.unknown.join('; ')));
        if (!remote.known && remote.unknown.length === 0)
            add(unknownPeer(`the ${direction === 'Inbound' ? 'source' : 'destination'} of ${originLabel} is not known until apply`));
        return { direction, rules };
    };
    /** The NSGs a separate rule names by resource group and name (the resource group may be unknown when one NSG has the name). */
    const nsgsNamed = (rg, name) => {
        const exact = rg !== undefined ? nsgByName.get(`${rg}/${name}`) : undefined;
        if (exact)
            return [exact];
        const sameName = nsgResources.filter((n) => typeof n.values.name === 'string' && n.values.name.toLowerCase() === name);
        return rg === undefined && sameName.length === 1 ? sameName : [];
    };
    const lowerString = (v) => (typeof v === 'string' ? v.toLowerCase() : undefined);
    // Each separate rule's NSG, linked before the inline rules are read: references find it
    // (also while the resource group's name is unknown), else the names do.
    const separateRules = managed(RULE).map((res) => {
        const source = ctx.resolver.attribute(res, ['network_security_group_name']);
        const name = lowerString(res.values.network_security_group_name);
        let targets = source.kind === 'set' ? source.resolution.targets.map((t) => t.resource).filter((t) => t.type === NSG && t.mode === 'managed') : [];
        if (targets.length === 0 && name !== undefined)
            targets = nsgsNamed(lowerString(res.values.resource_group_name), name);
        return { res, targets, nameUnknown: targets.length === 0 && name === undefined };
    });
    // NSGs that separate rules (kept or deleted by this plan) write to: their inline
    // attribute, read back from Azure, mirrors those resources, deleted ones included.
    const targetedByRules = new Set(separateRules.flatMap((r) => r.targets.map((t) => t.address)));
    for (const r of ctx.state.deleted) {
        const name = r.type === RULE ? lowerString(r.values.network_security_group_name) : undefined;
        if (name !== undefined)
            for (const t of nsgsNamed(lowerString(r.values.resource_group_name), name))
                targetedByRules.add(t.address);
    }
    const groups = new Map();
    for (const res of nsgResources) {
        const group = { res, location: ctx.locate(res), rules: { Inbound: [], Outbound: [] } };
        groups.set(res.address, group);
        let configured = isConfigured(ctx, res, 'security_rule');
        if (configured === 'maybe' && targetedByRules.has(res.address))
            configured = 'no';
        const inline = lookup(res, ['security_rule']);
        if (inline.state === 'unknown') {
            if (configured === 'yes') {
                // Rules unknown until apply may allow or deny anything, before the default rules.
                const why = `the security rules of ${res.address} are not known until apply`;
                const rules = undecidedRules(why, { priority: 0, protocol: 'all', ports: PortSet.ALL, peer: unknownPeer(why), origin: { label: `${res.address} security_rule`, location: group.location } });
                group.rules.Inbound.push(...rules);
                group.rules.Outbound.push(...rules);
            }
            continue;
        }
        // Without inline blocks in configuration the attribute mirrors the separate rule
        // resources, including ones this plan deletes: those resources decide.
        if (inline.state !== 'known' || !Array.isArray(inline.value) || configured === 'no')
            continue;
        inline.value.forEach((block, i) => {
            if (!isObjectValue(block))
                return;
            const name = typeof block.name === 'string' ? block.name : `#${i + 1}`;
            const matchBlock = (config) => {
                const e = config.name;
                return !isObjectValue(e) || !('constant_value' in e) || e.constant_value === block.name;
            };
            const r = ruleOf(res, ['security_rule', i], `${res.address} rule ${name} (${String(block.access ?? '?')} ${String(block.direction ?? '?')}, priority ${String(block.priority ?? '?')})`, group.location, matchBlock);
            for (const d of r.direction ? [r.direction] : ['Inbound', 'Outbound'])
                group.rules[d].push(...r.rules);
        });
    }
    for (const { res, targets, nameUnknown } of separateRules) {
        const v = res.values;
        const label = `${res.address} (${String(v.access ?? '?')} ${String(v.direction ?? '?')}, priority ${String(v.priority ?? '?')})`;
        const r = ruleOf(res, [], label, ctx.locate(res));
        const dirs = r.direction ? [r.direction] : ['Inbound', 'Outbound'];
        for (const t of targets)
            for (const d of dirs)
                groups.get(t.address)?.rules[d].push(...r.rules);
        // A rule whose NSG name is unknown may belong to any NSG here. (A known name that matches
        // none is an NSG outside the plan: its servers are unknown anyway.)
        if (nameUnknown) {
            const local = unknownPeer(`${describeAttribute(res, ['network_security_group_name'])} is not known until apply`);
            for (const g of groups.values())
                for (const d of dirs)
                    g.rules[d].push(...r.rules.map((x) => ({ ...x, local })));
        }
    }
    // Associations: subnet -> NSG and NIC -> NSG (resources, or the legacy attributes).
    const keyOf = (links) => [...links.targets.map((t) => t.address), ...links.external.map((id) => `id:${id.toLowerCase()}`)];
    const subnetNsgs = new Map();
    const nicNsgs = new Map();
    const unresolvedAssociations = [];
    const associate = (map, res, target, nsg) => {
        if (target.unknown.length > 0)
            unresolvedAssociations.push(`${res.address}: ${target.unknown.join('; ')}`);
        for (const k of keyOf(target)) {
            const list = map.get(k);
            if (list)
                list.push({ nsg, from: res });
            else
                map.set(k, [{ nsg, from: res }]);
        }
    };
    for (const a of managed('azurerm_subnet_network_security_group_association')) {
        associate(subnetNsgs, a, link(a, ['subnet_id'], SUBNET, subnetById, 'subnet'), link(a, ['network_security_group_id'], NSG, nsgById, 'network security group'));
    }
    for (const a of managed('azurerm_network_interface_security_group_association')) {
        associate(nicNsgs, a, link(a, ['network_interface_id'], NIC, nicById, 'network interface'), link(a, ['network_security_group_id'], NSG, nsgById, 'network security group'));
    }
    for (const s of managed(SUBNET)) {
        const legacy = link(s, ['network_security_group_id'], NSG, nsgById, 'network security group');
        if (legacy.targets.length + legacy.external.length + legacy.unknown.length > 0)
            subnetNsgs.set(s.address, [...(subnetNsgs.get(s.address) ?? []), { nsg: legacy, from: s }]);
    }
    for (const n of managed(NIC)) {
        const legacy = link(n, ['network_security_group_id'], NSG, nsgById, 'network security group');
        if (legacy.targets.length + legacy.external.length + legacy.unknown.length > 0)
            nicNsgs.set(n.address, [...(nicNsgs.get(n.address) ?? []), { nsg: legacy, from: n }]);
    }
    // Application security groups of each NIC.
    const nicAsgs = new Map();
    for (const a of managed('azurerm_network_interface_application_security_group_association')) {
        const nic = link(a, ['network_interface_id'], NIC, nicById, 'network interface');
        const asg = link(a, ['application_security_group_id'], ASG, asgById, 'application security group');
        for (const k of keyOf(nic)) {
            const entry = nicAsgs.get(k) ?? { identities: [], unknown: [] };
            entry.identities.push(...asg.targets.map((t) => `asg:${t.address}`), ...asg.external.map((id) => `asg:${id.toLowerCase()}`));
            entry.unknown.push(...asg.unknown);
            nicAsgs.set(k, entry);
        }
    }
    const defaults = (group, direction) => {
        const at = (name, priority) => ({ label: `${group.res.address} default rule ${name} (priority ${priority})`, location: group.location });
        const vnet = vnetSpace.isEmpty() ? unknownPeer(`service tag VirtualNetwork of the default rules of ${group.res.address}: no virtual network address space is declared in this plan`) : { addresses: vnetSpace, identities: [], label: 'VirtualNetwork' };
        if (direction === 'Inbound') {
            return [
                { action: 'allow', priority: 65000, protocol: 'all', ports: PortSet.ALL, peer: vnet, origin: at('AllowVnetInBound', 65000) },
                { action: 'allow', priority: 65001, protocol: 'all', ports: PortSet.ALL, peer: AZURE_LOAD_BALANCER, origin: at('AllowAzureLoadBalancerInBound', 65001) },
                { action: 'deny', priority: 65500, protocol: 'all', ports: PortSet.ALL, peer: { addresses: AddressSet.ALL, identities: [], label: '*' }, origin: at('DenyAllInBound', 65500) },
            ];
        }
        return [
            { action: 'allow', priority: 65000, protocol: 'all', ports: PortSet.ALL, peer: vnet, origin: at('AllowVnetOutBound', 65000) },
            { action: 'allow', priority: 65001, protocol: 'all', ports: PortSet.ALL, peer: { addresses: internetTag(), identities: [], label: 'Internet' }, origin: at('AllowInternetOutBound', 65001) },
            { action: 'deny', priority: 65500, protocol: 'all', ports: PortSet.ALL, peer: { addresses: AddressSet.ALL, identities: [], label: '*' }, origin: at('DenyAllOutBound', 65500) },
        ];
    };
    // One layer per NSG, direction and place: the VMs of a subnet share their subnet's NSG
    // layers (built once, and the flow caches on them serve every VM), as AWS servers in the
    // same groups do.
    const nsgLayerCache = new Map();
    /** The NSG and direction of each NSG layer: the same rules whatever subnet or NIC the layer is named after. */
    const nsgOfLayer = new WeakMap();
    const nsgLayer = (g, d, where) => {
        const key = `${g.res.address}\u0000${d}\u0000${where}`;
        let layer = nsgLayerCache.get(key);
        if (!layer) {
            layer = {
                name: `${d === 'Outbound' ? 'outbound rules of ' : ''}NSG ${g.res.address} (${where})`,
                rules: [...g.rules[d], ...defaults(g, d)],
                defaultAction: 'deny',
                fix: { kind: 'resource', address: g.res.address, rule: d === 'Inbound' ? 'an inbound Allow security rule (numbered below any Deny that matches)' : 'an outbound Allow security rule (numbered below any Deny that matches)' },
                fixLocation: g.location,
            };
            nsgLayerCache.set(key, layer);
            nsgOfLayer.set(layer, `${g.res.address}\u0000${d}`);
        }
        return layer;
    };
    const nsgLayers = (entries, where) => {
        const out = { Inbound: [], Outbound: [] };
        for (const { nsg, from } of entries) {
            for (const t of nsg.targets) {
                const g = groups.get(t.address);
                if (!g)
                    continue;
                for (const d of ['Inbound', 'Outbound'])
                    out[d].push(nsgLayer(g, d, where));
            }
            const reasons = [...nsg.external.map((id) => `NSG ${id} (associated by ${from.address}) is not in this plan, so its rules are unknown`), ...nsg.unknown];
            if (reasons.length > 0)
                for (const d of ['Inbound', 'Outbound'])
                    out[d].push(unknownLayer(`NSG of ${where}`, reasons.join('; '), ctx.locate(from)));
        }
        return out;
    };
    /** The NSG layers of a subnet, for what lives in it (`owner`: a NIC, an application gateway). */
    const subnetLayers = (subnets, owner, location) => {
        const ingress = [];
        const egress = [];
        const subnet = subnets.targets[0];
        const subnetEntries = keyOf(subnets).flatMap((k) => subnetNsgs.get(k) ?? []);
        if (subnets.unknown.length > 0) {
            const why = subnets.unknown.join('; ');
            ingress.push(unknownLayer(`subnet of ${owner.address}`, why, location));
            egress.push(unknownLayer(`subnet of ${owner.address}`, why, location));
        }
        else if (subnetEntries.length === 0 && !subnet && subnets.external.length > 0) {
            const why = `subnet ${subnets.external[0]} of ${owner.address} is not in this plan, so whether an NSG is associated with it is not known`;
            ingress.push(unknownLayer(`subnet ${subnets.external[0]}`, why, location));
            egress.push(unknownLayer(`subnet ${subnets.external[0]}`, why, location));
        }
        else {
            const layers = nsgLayers(subnetEntries, `subnet ${subnet?.address ?? subnets.external[0] ?? '?'}`);
            ingress.push(...layers.Inbound);
            egress.push(...layers.Outbound);
        }
        return { ingress, egress };
    };
    /** Something placed in a subnet by `path` (an application gateway): its subnet's NSGs, somewhere in the subnet's range. */
    const subnetNetwork = (res, path) => {
        const location = ctx.locate(res);
        const subnets = link(res, path, SUBNET, subnetById, 'subnet');
        if (subnets.targets.length + subnets.external.length + subnets.unknown.length === 0) {
            const why = `${describeAttribute(res, path)} names no subnet`;
            return { ingress: [unknownLayer(`subnet of ${res.address}`, why, location)], egress: [unknownLayer(`subnet of ${res.address}`, why, location)], identities: [], addresses: AddressSet.ALL_V4, addressesExact: false };
        }
        const { ingress, egress } = subnetLayers(subnets, res, location);
        if (ingress.length === 0 && unresolvedAssociations.length > 0) {
            const why = `an NSG association in this plan cannot be resolved, so it may apply to the subnet of ${res.address}: ${unresolvedAssociations.join('; ')}`;
            ingress.push(unknownLayer(`NSG of ${res.address}`, why, location));
            egress.push(unknownLayer(`NSG of ${res.address}`, why, location));
        }
        const subnet = subnets.targets[0];
        const range = subnet ? cidrSet([...attributeValues(ctx, subnet, ['address_prefixes']).values, ...attributeValues(ctx, subnet, ['address_prefix']).values]).set : AddressSet.EMPTY;
        return { ingress, egress, identities: keyOf(subnets).map((k) => `subnet:${k}`), addresses: range.isEmpty() ? AddressSet.ALL_V4 : range, addressesExact: false };
    };
    /** One NIC: its first IP configuration's subnet and address, its subnet's NSGs and its own. */
    const nicNetwork = (nic, location) => {
        // The NIC's first IP configuration carries the primary address and subnet.
        const subnets = link(nic, ['ip_configuration', 0, 'subnet_id'], SUBNET, subnetById, 'subnet');
        const subnet = subnets.targets[0];
        const subnetKeys = keyOf(subnets);
        const { ingress, egress } = subnetLayers(subnets, nic, location);
        const nicLayers = nsgLayers(nicNsgs.get(nic.address) ?? [], `NIC ${nic.address}`);
        ingress.push(...nicLayers.Inbound);
        egress.push(...nicLayers.Outbound);
        if (ingress.length === 0 && unresolvedAssociations.length > 0) {
            const why = `an NSG association in this plan cannot be resolved, so it may apply to ${nic.address}: ${unresolvedAssociations.join('; ')}`;
            ingress.push(unknownLayer(`NSG of ${nic.address}`, why, location));
            egress.push(unknownLayer(`NSG of ${nic.address}`, why, location));
        }
        else if (subnet && ingress.length === 0) {
            // No NSG at all: traffic inside the virtual network arrives. From outside, it depends on
            // the way in: a Standard public IP or load balancer admits nothing without an NSG, a
            // Basic one admits everything, no public address admits nothing. topogate cannot tell:
            // unknown, never a pass.
            const why = `no NSG filters ${nic.address}, so whether traffic from outside the virtual network arrives depends on its public IP or load balancer (a Standard SKU admits nothing without an NSG, a Basic one everything): associate an NSG that states it`;
            const rules = [mayAllowAnything(why, { label: `no NSG on ${nic.address}`, location })];
            if (!vnetSpace.isEmpty())
                rules.unshift({ action: 'allow', priority: 0, protocol: 'all', ports: PortSet.ALL, peer: { addresses: vnetSpace, identities: [], label: 'VirtualNetwork' }, origin: { label: `no NSG on ${nic.address}: the virtual network is open`, location } });
            ingress.push({ name: `no NSG on ${nic.address}`, rules, defaultAction: 'deny' });
        }
        const asgs = nicAsgs.get(nic.address);
        const legacyAsgs = link(nic, ['ip_configuration', 0, 'application_security_group_ids'], ASG, asgById, 'application security group');
        const identities = [
            ...(asgs?.identities ?? []),
            ...legacyAsgs.targets.map((t) => `asg:${t.address}`),
            ...legacyAsgs.external.map((id) => `asg:${id.toLowerCase()}`),
            ...subnetKeys.map((k) => `subnet:${k}`),
        ];
        const identityUnknown = [...(asgs?.unknown ?? []), ...legacyAsgs.unknown];
        // Address: a static or existing private IP, else somewhere in the subnet.
        const ips = attributeValues(ctx, nic, ['ip_configuration', 0, 'private_ip_address']);
        const ip = ips.unknown.length === 0 ? cidrSet(ips.values) : undefined;
        // Azure gives every NIC an IPv4 primary address: unknown is somewhere in IPv4.
        let addresses = AddressSet.ALL_V4;
        let exact = false;
        if (ip && !ip.set.isEmpty() && ip.invalid.length === 0) {
            addresses = ip.set;
            exact = true;
        }
        else if (subnet) {
            const range = cidrSet([...attributeValues(ctx, subnet, ['address_prefixes']).values, ...attributeValues(ctx, subnet, ['address_prefix']).values]).set;
            if (!range.isEmpty())
                addresses = range;
        }
        return { ingress, egress, identities, identitiesUnknown: identityUnknown.length > 0 ? identityUnknown.join('; ') : undefined, addresses, addressesExact: exact };
    };
    /** One filter: the same layer, or one NSG's rules in one direction; other layers (unknown, no NSG) are only themselves. */
    const sameFilter = (a, b) => a === b || (nsgOfLayer.get(a) !== undefined && nsgOfLayer.get(a) === nsgOfLayer.get(b));
    /** Whether a layer judges every endpoint with the same identities alike (no rule narrowed to some addresses). */
    const addressBlind = (layer) => layer.rules.every((r) => !r.local || (r.local.unknown === undefined && r.local.addresses.isEmpty()));
    /**
     * Whether `other` admits no more than `first`, in and out: it passes every layer of
     * `first` (and maybe more, which only narrows), those layers do not tell the NICs apart
     * by address, and it carries the same identities (ASGs, subnet).
     */
    const admitsNoMore = (other, first) => {
        const covers = (theirs, ours) => ours.every((l) => addressBlind(l) && theirs.some((t) => sameFilter(t, l)));
        const ids = new Set(first.identities);
        return covers(other.ingress, first.ingress) && covers(other.egress, first.egress) && other.identitiesUnknown === undefined && other.identities.length === ids.size && other.identities.every((i) => ids.has(i));
    };
    /** Every layer with a may-allow-anything rule first: what the layers allow still passes, what they deny becomes unknown. */
    /** The NICs of a VM: the primary first (`primary_network_interface_id` of a legacy VM), then the others, each once. */
    const vmNics = (vm, nicPaths) => {
        const nics = { targets: [], external: [], unknown: [], computed: true };
        for (const p of nicPaths)
            mergeLinks(nics, link(vm, [p], NIC, nicById, 'network interface'));
        return nics;
    };
    /**
     * A VM admits traffic through each of its NICs, each under its own subnet and NIC NSGs:
     * a union of layer stacks, which one server (one stack, one address set) cannot hold.
     * The server is its first NIC; other NICs that may admit more make what the first
     * denies, in or out, unknown rather than a pass of an exposure check.
     */
    const serverNetwork = (vm, nicPaths) => {
        const location = ctx.locate(vm);
        const nics = vmNics(vm, nicPaths);
        const [nic, ...others] = nics.targets;
        if (!nic) {
            const why = nics.unknown.join('; ') || (nics.external.length > 0 ? `network interface ${nics.external[0]} of ${vm.address} is not in this plan` : `${vm.address} names no network interface`);
            return { ingress: [unknownLayer(`network of ${vm.address}`, why, location)], egress: [unknownLayer(`network of ${vm.address}`, why, location)], identities: [], identitiesUnknown: why, addresses: AddressSet.ALL_V4, addressesExact: false };
        }
        const first = nicNetwork(nic, location);
        const wider = [...others.filter((o) => !admitsNoMore(nicNetwork(o, location), first)).map((o) => o.address), ...nics.external.map((id) => `${id} (not in this plan)`)];
        if (wider.length === 0 && nics.unknown.length === 0)
            return first;
        const names = [...wider, ...(nics.unknown.length > 0 ? [`NICs not known until apply (${nics.unknown.join('; ')})`] : [])].join(', ');
        const why = (way) => `${vm.address} also has ${names}, each filtered by its own subnet and NIC NSGs, and topogate models ${nic.address} only: traffic its NSGs deny may ${way} through the others`;
        const origin = { label: `other NICs of ${vm.address}`, location };
        return { ...first, ingress: withFirstRule(first.ingress, mayAllowAnything(why('arrive'), origin)), egress: withFirstRule(first.egress, mayAllowAnything(why('leave'), origin)) };
    };
    // Azure SQL: the server firewall (IP ranges and virtual network rules).
    const sqlServers = [...managed('azurerm_mssql_server'), ...managed('azurerm_sql_server')];
    const sqlById = indexBy(sqlServers, ['id'], true);
    const sqlByName = indexBy(sqlServers, ['name'], true);
    const sqlTypes = new Set(['azurerm_mssql_server', 'azurerm_sql_server']);
    const sqlRules = new Map();
    /** Per server: virtual network rules that admit nothing, said beside the fix. */
    const sqlNotes = new Map();
    const addTo = (map, key, items) => {
        const list = map.get(key);
        if (list)
            list.push(...items);
        else
            map.set(key, [...items]);
    };
    const sqlServersOf = (res, path, byId) => linkedResources(ctx, res, [path], { types: sqlTypes, byId, what: 'SQL server' }).targets;
    for (const [type, path, byId] of [['azurerm_mssql_firewall_rule', 'server_id', sqlById], ['azurerm_sql_firewall_rule', 'server_name', sqlByName]]) {
        for (const r of managed(type)) {
            const start = r.values.start_ip_address;
            const end = r.values.end_ip_address;
            const origin = { label: `${r.address} (${String(start ?? '?')} - ${String(end ?? '?')})`, location: ctx.locate(r) };
            const range = addressRange(start, end);
            const peer = start === '0.0.0.0' && end === '0.0.0.0'
                ? unknownPeer(`${r.address} is the "Allow Azure services" rule (0.0.0.0 - 0.0.0.0): it admits any address inside Azure, of any tenant`)
                : range ? { addresses: range, identities: [], label: `${String(start)} - ${String(end)}` } : unknownPeer(`the address range of ${r.address} is not known until apply`);
            for (const s of sqlServersOf(r, path, byId))
                addTo(sqlRules, s.address, [{ action: 'allow', priority: 0, protocol: 'tcp', ports: PortSet.ALL, peer, origin }]);
        }
    }
    /**
     * Whether a subnet has the Microsoft.Sql service endpoint. Azure SQL's virtual network
     * ACL holds only subnets that do; `ignore_missing_vnet_service_endpoint` merely lets the
     * rule exist before the endpoint does.
     */
    const sqlEndpoint = (subnet) => {
        const v = attributeValues(ctx, subnet, ['service_endpoints']);
        if (v.values.some((x) => typeof x === 'string' && x.toLowerCase() === 'microsoft.sql'))
            return { has: true };
        return { has: false, unknown: v.unknown.length > 0 ? v.unknown.join('; ') : undefined };
    };
    for (const [type, path, byId] of [['azurerm_mssql_virtual_network_rule', 'server_id', sqlById], ['azurerm_sql_virtual_network_rule', 'server_name', sqlByName]]) {
        for (const r of managed(type)) {
            const subnets = link(r, ['subnet_id'], SUBNET, subnetById, 'subnet');
            const origin = { label: `${r.address} (virtual network rule)`, location: ctx.locate(r) };
            const allow = (peer, local) => ({ action: 'allow', priority: 0, protocol: 'tcp', ports: PortSet.ALL, peer, ...(local ? { local } : {}), origin });
            const rules = [];
            const notes = [];
            // A subnet not known at all may be any subnet; a known one admits only its own servers.
            if (subnets.unknown.length > 0)
                rules.push(allow(unknownPeer(subnets.unknown.join('; '))));
            for (const t of subnets.targets) {
                const endpoint = sqlEndpoint(t);
                const peer = { addresses: AddressSet.EMPTY, identities: [`subnet:${t.address}`], label: t.address };
                if (endpoint.has)
                    rules.push(allow(peer));
                // Whether it admits the subnet is unknown: an unknown `local` makes the rule a maybe
                // for that subnet's servers only, not for everyone.
                else if (endpoint.unknown)
                    rules.push(allow(peer, unknownPeer(`${r.address} admits ${t.address} only if it has the Microsoft.Sql service endpoint, and ${endpoint.unknown}`)));
                else
                    notes.push(`${r.address} admits nothing until ${t.address} has the Microsoft.Sql service endpoint`);
            }
            for (const id of subnets.external) {
                const peer = { addresses: AddressSet.EMPTY, identities: [`subnet:id:${id.toLowerCase()}`], label: id };
                rules.push(allow(peer, unknownPeer(`${r.address} admits subnet ${id} only if it has the Microsoft.Sql service endpoint, and that subnet is not in this plan`)));
            }
            for (const s of sqlServersOf(r, path, byId)) {
                addTo(sqlRules, s.address, rules);
                addTo(sqlNotes, s.address, notes);
            }
        }
    }
    const sqlServerNetwork = (server) => {
        const location = ctx.locate(server);
        const publicAccess = lookup(server, ['public_network_access_enabled']);
        const name = `firewall of ${server.address}`;
        let layer;
        if (publicAccess.state === 'known' && publicAccess.value === false) {
            layer = unknownLayer(name, `${server.address} disables public network access, so clients reach it through private endpoints, which topogate does not model yet`, location);
        }
        else {
            layer = {
                name,
                rules: sqlRules.get(server.address) ?? [],
                defaultAction: 'deny',
                fix: { kind: 'resource', address: server.address, rule: `an ${server.type === 'azurerm_sql_server' ? 'azurerm_sql_firewall_rule' : 'azurerm_mssql_firewall_rule'} (or a virtual network rule${(sqlNotes.get(server.address) ?? []).map((n) => `; ${n}`).join('')})` },
                fixLocation: location,
            };
            if (publicAccess.state === 'unknown')
                layer = { ...layer, rules: [...layer.rules, mayAllowAnything(`${describeAttribute(server, ['public_network_access_enabled'])} is not known until apply`, { label: server.address, location })] };
        }
        return { ingress: [layer], egress: [], identities: [], addresses: AddressSet.EMPTY, addressesExact: false };
    };
    return { serverNetwork, sqlServerNetwork, subnetNetwork, virtualNetworkSpace: () => vnetSpace };
}

;// CONCATENATED MODULE: ./src/core/terraform/gcp-network.ts





/**
 * Google Cloud VPC firewall rules after apply. Rules belong to a network and apply to the
 * instances they target (`target_tags`, `target_service_accounts`, or every instance) whose
 * address lies in `destination_ranges` (ingress) or `source_ranges` (egress), where set;
 * by priority (default 1000, lower first; deny before allow at equal priority), then the
 * implied rules: deny all ingress, allow all egress. An ingress rule's sources are
 * `source_ranges` OR `source_tags` OR `source_service_accounts`; with none of them it is
 * 0.0.0.0/0. `ports = []` is every port. Tags and service accounts only match instances of
 * the same network, so identities carry the network. A network this plan does not declare
 * (like `default`) may have rules from elsewhere: flows it would decide become unknown.
 *
 * Network firewall policies attached to a network in this plan (global, and regional for
 * instances of their region) are stages of the same first-match walk: after the VPC rules
 * (`AFTER_CLASSIC_FIREWALL`, the default) or before them, each stage in its own band of
 * priorities. What a stage cannot be followed for (a policy outside the plan, secure tags,
 * `goto_next` into a later stage, a hierarchical policy whose folder the plan does not show)
 * is undecided: maybe allowed, maybe denied, so never a pass.
 */
const NETWORK = 'google_compute_network';
const SUBNETWORK = 'google_compute_subnetwork';
const ACCOUNT = 'google_service_account';
/** Resource types of network firewall policies, by scope; `inline` policies hold their rules as blocks. */
const POLICY_TYPES = {
    global: { policy: 'google_compute_network_firewall_policy', inline: 'google_compute_network_firewall_policy_with_rules', association: 'google_compute_network_firewall_policy_association', rule: 'google_compute_network_firewall_policy_rule' },
    regional: { policy: 'google_compute_region_network_firewall_policy', inline: 'google_compute_region_network_firewall_policy_with_rules', association: 'google_compute_region_network_firewall_policy_association', rule: 'google_compute_region_network_firewall_policy_rule' },
};
const HIERARCHICAL_ASSOCIATION = 'google_compute_firewall_policy_association';
/** Each stage of the walk gets its own band of priorities (policy rules go up to 2^31 - 1). */
const STAGE = 2 ** 32;
/** Match fields of a policy rule this model reads; any other one set makes its peer unknown. */
const MODELLED_MATCH = new Set(['src_ip_ranges', 'dest_ip_ranges', 'layer4_configs']);
const gcpProtocol = (v) => ipProtocol(v, { all: ['all'], numbers: true });
function lastSegment(v) {
    return v.split('/').filter((x) => x !== '').pop() ?? v;
}
/** Appends the rules of `from` to `into`, both directions. */
function appendPlaced(into, from) {
    into.ingress.push(...from.ingress);
    into.egress.push(...from.egress);
}
/** A rule whose own side is its targets and its ranges (each optional). */
function placeRule(rule, targets, ranges) {
    if (targets && ranges)
        return { rule: { ...rule, local: ranges }, targets };
    return { rule: { ...rule, local: targets ?? ranges } };
}
function shifted(p, base) {
    return { ...p, rule: { ...p.rule, priority: p.rule.priority + base } };
}
/** Whether an instance is among a placed rule's targets: yes, no, or maybe (its identities are not all known). */
function targetDecision(p, side) {
    if (!p.targets || p.targets.identities.some((i) => side.identities.has(i)))
        return 'y';
    if (side.identitiesUnknown === undefined)
        return 'n';
    const ranges = p.rule.local;
    return ranges && ranges.unknown === undefined && !ranges.addresses.overlaps(side.addresses) ? 'n' : 'm';
}
function resolvedRule(p, decision, side) {
    if (decision === 'y')
        return p.rule;
    if (decision === 'n')
        return undefined;
    return p.rule.local?.unknown !== undefined ? p.rule : { ...p.rule, local: unknownPeer(side.identitiesUnknown ?? '') };
}
/**
 * Rules that leave what they match undecided, maybe allowed and maybe denied: a stage (or
 * the rest of one) the model cannot follow. Both, because a stage may end the walk either way.
 */
const anyAddress = { addresses: AddressSet.ALL, identities: [], label: 'any address' };
function undecidedStage(reason, origin, priority) {
    const rules = undecidedRules(reason, { priority, protocol: 'all', ports: PortSet.ALL, peer: anyAddress, origin }).map((rule) => ({ rule }));
    return { ingress: rules, egress: rules };
}
/** The ports of a tcp/udp entry (`[]` or none: every port), and why any is unreadable. */
function gcp_network_portsOf(protocol, specs, address) {
    if ((protocol !== 'tcp' && protocol !== 'udp') || !Array.isArray(specs) || specs.length === 0)
        return { ports: PortSet.ALL };
    const sets = [];
    let portsUnknown;
    for (const spec of specs) {
        const r = parsePortSpec(spec);
        if (r.ok)
            sets.push(r.value);
        else
            portsUnknown = `${address} has port "${String(spec)}", which is not a port or range`;
    }
    return { ports: PortSet.unionOf(sets), portsUnknown };
}
/**
 * The ports of an allow / deny entry (or layer-4 config) at `path`: ports unknown until apply
 * are left out of the plan's values, which would read as every port; they are `portsUnknown`.
 */
function entryPorts(res, path, protocol, specs) {
    if (lookup(res, path).state === 'unknown')
        return { ports: PortSet.ALL, portsUnknown: `${describeAttribute(res, path)} is not known until apply` };
    return gcp_network_portsOf(protocol, specs, res.address);
}
function ruleText(action, protocol, ports) {
    return `${action} ${protocol === 'tcp' || protocol === 'udp' ? `${protocol}/${ports.describe()}` : (protocol ?? '?')}`;
}
/**
 * The address ranges a rule's own endpoint must be in, or undefined when none are set.
 * Unknown until apply or not CIDRs: a peer that may or may not match.
 */
function endpointRanges(ctx, res, path) {
    const v = attributeValues(ctx, res, path, { computedDefault: [] });
    if (v.unknown.length > 0)
        return unknownPeer(v.unknown.join('; '));
    const texts = v.values.filter((x) => typeof x === 'string' && x !== '');
    if (texts.length === 0)
        return undefined;
    const c = cidrSet(texts);
    if (c.invalid.length > 0)
        return unknownPeer(`"${c.invalid[0]}" in ${describeAttribute(res, path)} is not a CIDR`);
    return { addresses: c.set, identities: [], label: `${String(path[path.length - 1])} ${c.set.describe(3)}` };
}
/** Whether a network's firewall policies are evaluated before its VPC firewall rules (not written: after), or why that is unknown. */
function policiesFirst(ctx, network, key) {
    if (!network)
        return `${key} is not declared in this plan`;
    const path = ['network_firewall_policy_enforcement_order'];
    const v = attributeValues(ctx, network, path, { computedDefault: ['AFTER_CLASSIC_FIREWALL'] });
    if (v.unknown.length > 0)
        return v.unknown.join('; ');
    const order = v.absent ? 'AFTER_CLASSIC_FIREWALL' : v.values[0];
    if (order === 'BEFORE_CLASSIC_FIREWALL')
        return true;
    if (order === 'AFTER_CLASSIC_FIREWALL')
        return false;
    return `${describeAttribute(network, path)} is ${String(order)}, not a known order`;
}
/** A policy rule's match fields beyond address ranges and ports (secure tags, FQDNs, geolocations, threat lists, address groups) that are set: not modelled. */
function unreadMatchFields(res) {
    const match = lookup(res, ['match', 0]);
    if (match.state !== 'known' || !isObjectValue(match.value))
        return [];
    const unread = [];
    for (const [k, v] of Object.entries(match.value)) {
        if (MODELLED_MATCH.has(k))
            continue;
        const l = lookup(res, ['match', 0, k]);
        if (l.state === 'unknown' || (v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)))
            unread.push(`match.${k} of ${res.address} is not modelled`);
    }
    return unread;
}
/**
 * An instance is modelled by its first network interface. Each other one is on another
 * VPC network, under that network's firewall: what the first one's rules deny may still
 * come in (or go out) there. Such an instance's layers get a first rule that may allow
 * anything, so what they allow stays certain and what they deny becomes unknown, never a
 * pass of an exposure check.
 */
function widenedForOtherInterfaces(instance, location, layers) {
    const nics = lookup(instance, ['network_interface']);
    const count = nics.state === 'known' && Array.isArray(nics.value) ? nics.value.length : nics.state === 'unknown' ? 2 : 1;
    if (count < 2)
        return layers;
    const why = nics.state === 'unknown' ? `the network interfaces of ${instance.address} are not known until apply` : `${instance.address} has ${count} network interfaces and topogate models the first only: the others are on other networks, whose firewalls may let in (or out) what this one denies`;
    const first = mayAllowAnything(why, { label: `other network interfaces of ${instance.address}`, location }, Number.MIN_SAFE_INTEGER);
    const [ingress, egress] = withFirstRule([layers.ingress, layers.egress], first);
    return { ingress, egress };
}
function buildGcpNetwork(ctx) {
    const managed = (type) => ctx.ofType(type).filter((r) => r.mode === 'managed');
    const networks = managed(NETWORK);
    // Networks are named by name, self link or id; all end in the name, unique in a project.
    const byName = (list) => {
        const map = new Map();
        for (const r of list)
            for (const a of ['name', 'self_link', 'id'])
                if (typeof r.values[a] === 'string')
                    map.set(lastSegment(r.values[a]), r);
        return map;
    };
    const networkByRef = byName(networks);
    const subnetworks = managed(SUBNETWORK);
    const subnetByRef = byName(subnetworks);
    const accounts = managed(ACCOUNT);
    const accountByEmail = indexBy(accounts, ['email', 'id', 'name', 'unique_id']);
    /** A network reference (name, self link, id) resolved to a network in the plan, or its name. */
    const networkKeyOf = (res, path) => {
        const l = linkedResources(ctx, res, path, { types: new Set([NETWORK]), byId: networkByRef, what: 'network', normalize: lastSegment });
        if (l.targets.length > 0)
            return { key: l.targets[0].address, unknown: [] };
        if (l.external.length > 0)
            return { key: `network ${lastSegment(l.external[0])}`, unknown: [] };
        return { unknown: l.unknown };
    };
    const rulesByNetwork = new Map();
    const networkRules = (key) => {
        let n = rulesByNetwork.get(key);
        if (!n) {
            const declared = networks.find((x) => x.address === key);
            n = { key, label: key, declared, ingress: [], egress: [], location: declared ? ctx.locate(declared) : undefined, stages: new Map(), layers: new Map() };
            rulesByNetwork.set(key, n);
        }
        return n;
    };
    const unplacedRules = { ingress: [], egress: [] };
    const accountIdentity = (network, links) => [
        ...links.targets.map((t) => `sa:${network}:${t.address}`),
        ...links.external.map((e) => `sa:${network}:${accountByEmail.get(e)?.address ?? e}`),
    ];
    const identityPeer = (identities) => (identities.length > 0 ? { addresses: AddressSet.EMPTY, identities, label: identities.map((i) => i.split(':').pop()).join(', ') } : undefined);
    for (const fw of managed('google_compute_firewall')) {
        const disabled = attributeValues(ctx, fw, ['disabled'], { computedDefault: [false] });
        if (disabled.values[0] === true)
            continue;
        const location = ctx.locate(fw);
        const net = networkKeyOf(fw, ['network']);
        const networkKey = net.key ?? '?';
        const directionValue = attributeValues(ctx, fw, ['direction'], { computedDefault: ['INGRESS'] });
        const direction = directionValue.values[0] === 'EGRESS' ? 'egress' : directionValue.values[0] === 'INGRESS' ? 'ingress' : undefined;
        const priorityValue = attributeValues(ctx, fw, ['priority'], { computedDefault: [1000] }).values[0];
        const priority = typeof priorityValue === 'number' ? priorityValue : 1000;
        // Whether the rule is disabled, unknown until apply: it may apply or not.
        const unknown = [...net.unknown, ...directionValue.unknown, ...disabled.unknown];
        const list = (name) => {
            const v = attributeValues(ctx, fw, [name], { computedDefault: [] });
            unknown.push(...v.unknown);
            const values = v.values.filter((x) => typeof x === 'string' && x !== '');
            return { values, set: values.length > 0 || v.unknown.length > 0 };
        };
        // Sources of an ingress rule, destinations of an egress rule: the rule's other side.
        let remote;
        const targetTags = list('target_tags');
        const targetAccounts = linkedResources(ctx, fw, ['target_service_accounts'], { types: new Set([ACCOUNT]), byId: accountByEmail, what: 'service account' });
        unknown.push(...targetAccounts.unknown);
        const targets = identityPeer([...targetTags.values.map((t) => `tag:${networkKey}:${t}`), ...accountIdentity(networkKey, targetAccounts)]);
        // The rule applies only where its own endpoint's address is in these ranges.
        const ranges = endpointRanges(ctx, fw, [direction === 'egress' ? 'source_ranges' : 'destination_ranges']);
        if (direction === 'egress') {
            const dest = list('destination_ranges');
            const cidrs = cidrSet(dest.values.length > 0 || dest.set ? dest.values : ['0.0.0.0/0']);
            remote = { addresses: cidrs.set, identities: [], label: cidrs.set.describe(3) };
        }
        else {
            const sourceRanges = list('source_ranges');
            const tags = list('source_tags');
            const sources = linkedResources(ctx, fw, ['source_service_accounts'], { types: new Set([ACCOUNT]), byId: accountByEmail, what: 'service account' });
            unknown.push(...sources.unknown);
            const identities = [...tags.values.map((t) => `tag:${networkKey}:${t}`), ...accountIdentity(networkKey, sources)];
            const none = !sourceRanges.set && !tags.set && identities.length === 0 && sources.unknown.length === 0;
            const cidrs = cidrSet(none ? ['0.0.0.0/0'] : sourceRanges.values);
            for (const c of cidrs.invalid)
                unknown.push(`"${c}" in ${describeAttribute(fw, ['source_ranges'])} is not a CIDR`);
            remote = { addresses: cidrs.set, identities, label: [...(cidrs.set.isEmpty() ? [] : [cidrs.set.describe(3)]), ...identities.map((i) => i.split(':').pop())].join(', ') };
        }
        const rules = [];
        const peer = unknown.length > 0 ? unknownPeer(unknown.join('; ')) : remote;
        const originOf = (text) => ({ label: `${fw.address} (${direction === 'egress' ? 'EGRESS' : 'INGRESS'} ${text}, priority ${priority})`, location });
        for (const action of ['allow', 'deny']) {
            const entries = lookup(fw, [action]);
            // What it allows or denies is not known until apply: a rule that may match or not, so a
            // deny keeps what a later rule allows from being certain (and an allow from being denied).
            if (entries.state === 'unknown') {
                rules.push(placeRule({ action, priority, protocol: 'all', ports: PortSet.ALL, portsUnknown: `${describeAttribute(fw, [action])} is not known until apply`, peer, origin: originOf(`${action} of protocols and ports unknown until apply`) }, targets, ranges));
                continue;
            }
            if (entries.state !== 'known' || !Array.isArray(entries.value))
                continue;
            entries.value.forEach((entry, i) => {
                if (!isObjectValue(entry))
                    return;
                const protocol = gcpProtocol(entry.protocol);
                if (!protocol) {
                    rules.push(placeRule({ action, priority, protocol: 'all', ports: PortSet.ALL, portsUnknown: `the protocol of ${fw.address} is not known until apply`, peer, origin: originOf(ruleText(action, undefined, PortSet.ALL)) }, targets, ranges));
                    return;
                }
                const { ports, portsUnknown } = entryPorts(fw, [action, i, 'ports'], protocol, entry.ports);
                rules.push(placeRule({ action, priority, protocol, ports, portsUnknown, peer, origin: originOf(ruleText(action, protocol, ports)) }, targets, ranges));
            });
        }
        if (rules.length === 0 && unknown.length > 0)
            rules.push({ rule: mayAllowAnything(unknown.join('; '), { label: fw.address, location }, priority) });
        const dirs = direction ? [direction] : ['ingress', 'egress'];
        if (net.key === undefined) {
            // The network is not known until apply: the rule may apply to any network.
            const maybe = unknownPeer(net.unknown.join('; '));
            for (const d of dirs)
                unplacedRules[d].push(...rules.map((r) => ({ rule: { ...r.rule, local: maybe } })));
        }
        else {
            for (const d of dirs)
                networkRules(net.key)[d].push(...rules);
        }
    }
    // Network firewall policies: their rules by policy, and the networks they are attached to.
    const attached = new Map();
    /** Undecided stages for every network: associations whose network is unknown, hierarchical policies. */
    const everywhere = [];
    const rulesByPolicy = new Map();
    const unplacedPolicyRules = { global: [], regional: [] };
    for (const scope of ['global', 'regional']) {
        const types = POLICY_TYPES[scope];
        const policies = [...managed(types.policy), ...managed(types.inline)];
        const spec = { types: new Set([types.policy, types.inline]), byId: byName(policies), what: 'network firewall policy', normalize: lastSegment };
        for (const rule of managed(types.rule)) {
            const l = linkedResources(ctx, rule, ['firewall_policy'], spec);
            // A rule of a policy outside the plan matters only through that policy, which is unknown anyway.
            if (l.targets.length > 0)
                rulesByPolicy.set(l.targets[0], [...(rulesByPolicy.get(l.targets[0]) ?? []), rule]);
            else if (l.external.length === 0)
                unplacedPolicyRules[scope].push(`${describeAttribute(rule, ['firewall_policy'])} is not known until apply (${l.unknown.join('; ') || 'the provider computes it'})`);
        }
        for (const association of managed(types.association)) {
            const l = linkedResources(ctx, association, ['firewall_policy'], spec);
            const policy = l.targets[0];
            const label = policy?.address ?? (l.external[0] !== undefined ? `network firewall policy ${lastSegment(l.external[0])}` : `the policy of ${association.address}`);
            const a = { scope, association, policy: policy?.type === types.policy ? policy : undefined, label };
            if (!policy)
                a.unknown = l.external.length > 0 ? `${label} (attached by ${association.address}) is not in this plan, so its rules are not known` : `${describeAttribute(association, ['firewall_policy'])} is not known until apply${l.unknown.length > 0 ? ` (${l.unknown.join('; ')})` : ''}`;
            else if (policy.type === types.inline)
                a.unknown = `the rules of ${label} (attached by ${association.address}) are written inline, which this model does not read`;
            if (scope === 'regional') {
                // The association's region, else its policy's; neither written: the provider's.
                let region = attributeValues(ctx, association, ['region']);
                if (region.absent && policy)
                    region = attributeValues(ctx, policy, ['region']);
                if (typeof region.values[0] === 'string' && region.unknown.length === 0)
                    a.region = lastSegment(region.values[0]);
                else
                    a.regionUnknown = region.unknown.join('; ') || `${describeAttribute(association, ['region'])} is not set, so it is the provider's region`;
            }
            const net = networkKeyOf(association, ['attachment_target']);
            const origin = { label: `${label} (attached by ${association.address})`, location: ctx.locate(association) };
            if (net.key === undefined)
                everywhere.push(undecidedStage(`${label} is attached to a network not known until apply (${net.unknown.join('; ') || describeAttribute(association, ['attachment_target'])}), which may be this one`, origin, -1));
            else
                attached.set(net.key, [...(attached.get(net.key) ?? []), a]);
        }
    }
    for (const association of managed(HIERARCHICAL_ASSOCIATION)) {
        const target = attributeValues(ctx, association, ['attachment_target']);
        const where = typeof target.values[0] === 'string' ? target.values[0] : 'a folder or organization not known until apply';
        const reason = `hierarchical firewall policy ${association.address} is attached to ${where}, evaluated before the VPC firewall rules; the plan does not show whether this instance's project is under it`;
        everywhere.push(undecidedStage(reason, { label: `hierarchical firewall policy of ${association.address}`, location: ctx.locate(association) }, -1));
    }
    /**
     * The placed rules of one network firewall policy rule on a network, at `base`. In the
     * `last` stage `goto_next` meets the implied rule; otherwise the rest of the walk is
     * undecided for what it matches.
     */
    const policyRuleCache = new Map();
    const policyRules = (res, policy, network, base, last) => {
        const cacheKey = `${res.address}|${network}|${base}|${last}`;
        const hit = policyRuleCache.get(cacheKey);
        if (hit)
            return hit;
        const out = { ingress: [], egress: [] };
        policyRuleCache.set(cacheKey, out);
        const disabled = attributeValues(ctx, res, ['disabled'], { computedDefault: [false] });
        if (disabled.values[0] === true)
            return out;
        const location = ctx.locate(res);
        const unknown = [...disabled.unknown];
        const directionValue = attributeValues(ctx, res, ['direction']);
        const direction = directionValue.values[0] === 'EGRESS' ? 'egress' : directionValue.values[0] === 'INGRESS' ? 'ingress' : undefined;
        if (!direction)
            unknown.push(directionValue.unknown.join('; ') || `${describeAttribute(res, ['direction'])} is not INGRESS or EGRESS`);
        const priorityValue = attributeValues(ctx, res, ['priority']);
        const priority = typeof priorityValue.values[0] === 'number' ? priorityValue.values[0] : undefined;
        if (priority === undefined)
            unknown.push(priorityValue.unknown.join('; ') || `${describeAttribute(res, ['priority'])} is not a number`);
        const actionValue = attributeValues(ctx, res, ['action']);
        const action = typeof actionValue.values[0] === 'string' ? actionValue.values[0] : undefined;
        if (action === undefined)
            unknown.push(actionValue.unknown.join('; ') || `${describeAttribute(res, ['action'])} is not set`);
        const match = lookup(res, ['match', 0]);
        if (match.state !== 'known')
            unknown.push(`${describeAttribute(res, ['match'])} is not known`);
        const unread = unreadMatchFields(res);
        const dirs = direction ? [direction] : ['ingress', 'egress'];
        const targetAccounts = linkedResources(ctx, res, ['target_service_accounts'], { types: new Set([ACCOUNT]), byId: accountByEmail, what: 'service account' });
        const targets = identityPeer(accountIdentity(network, targetAccounts));
        const secureTags = lookup(res, ['target_secure_tags']);
        const targetsUnknown = [...targetAccounts.unknown, ...(secureTags.state === 'unknown' || (secureTags.state === 'known' && Array.isArray(secureTags.value) && secureTags.value.length > 0) ? [`${res.address} targets secure tags, which are not modelled`] : [])];
        const layer4 = lookup(res, ['match', 0, 'layer4_configs']);
        const entries = layer4.state === 'known' && Array.isArray(layer4.value) ? layer4.value.flatMap((e, i) => (isObjectValue(e) ? [{ entry: e, i }] : [])) : [];
        if (layer4.state === 'unknown' || (match.state === 'known' && entries.length === 0))
            unknown.push(`${describeAttribute(res, ['match', 0, 'layer4_configs'])} is not known`);
        const at = base + (priority ?? 0);
        const label = (d, text) => `${res.address} (${d === 'egress' ? 'EGRESS' : 'INGRESS'} ${text}, priority ${priority ?? '?'}, in ${policy})`;
        for (const d of dirs) {
            const [remotePath, localPath] = d === 'egress' ? ['dest_ip_ranges', 'src_ip_ranges'] : ['src_ip_ranges', 'dest_ip_ranges'];
            const remoteRanges = endpointRanges(ctx, res, ['match', 0, remotePath]);
            const peerUnknown = [...unread, ...(remoteRanges?.unknown !== undefined ? [remoteRanges.unknown] : [])];
            if (!remoteRanges && unread.length === 0)
                peerUnknown.push(`${res.address} names no ${d === 'egress' ? 'destination' : 'source'}`);
            const remote = peerUnknown.length > 0 ? unknownPeer(peerUnknown.join('; ')) : remoteRanges;
            const ranges = targetsUnknown.length > 0 ? unknownPeer(targetsUnknown.join('; ')) : endpointRanges(ctx, res, ['match', 0, localPath]);
            if (unknown.length > 0) {
                out[d].push(...undecidedStage(unknown.join('; '), { label: res.address, location }, at)[d]);
                continue;
            }
            for (const { entry, i } of entries) {
                const protocol = gcpProtocol(entry.ip_protocol);
                const { ports, portsUnknown } = protocol ? entryPorts(res, ['match', 0, 'layer4_configs', i, 'ports'], protocol, entry.ports) : { ports: PortSet.ALL, portsUnknown: undefined };
                const origin = { label: label(d, ruleText(action ?? '?', protocol, ports)), location };
                const rule = { priority: at, protocol: protocol ?? 'all', ports, portsUnknown, peer: remote, origin };
                const why = !protocol
                    ? `the protocol of ${res.address} is not known until apply`
                    : action === 'goto_next' && !last
                        ? `${res.address} hands what it matches to the next stage of the firewall walk (goto_next), which this model does not follow`
                        : action !== 'allow' && action !== 'deny' && action !== 'goto_next'
                            ? `${res.address} has action ${action}, which this model does not follow`
                            : undefined;
                if (why)
                    out[d].push(...undecidedRules(why, rule).map((r) => (targets ? { rule: r, targets } : { rule: r })));
                // goto_next in the last stage meets the implied rule: deny ingress, allow egress.
                else
                    out[d].push(placeRule({ ...rule, action: action === 'goto_next' ? (d === 'egress' ? 'allow' : 'deny') : action }, targets, ranges));
            }
        }
        return out;
    };
    /** One attached policy as a stage of the walk of a network's instances in a region. */
    const policyStage = (p, network, region, base, last) => {
        const origin = { label: `${p.label} (attached by ${p.association.address})`, location: ctx.locate(p.association) };
        const regionWhy = p.scope === 'regional' ? (p.regionUnknown ?? (region === undefined ? 'the region of the instance is not known until apply' : undefined)) : undefined;
        if (regionWhy)
            return undecidedStage(`whether ${p.label} applies is not known: ${regionWhy}`, origin, base);
        if (!p.policy)
            return undecidedStage(p.unknown ?? `the rules of ${p.label} are not known`, origin, base);
        const out = { ingress: [], egress: [] };
        // A rule whose policy is unknown until apply may belong to this one.
        for (const why of unplacedPolicyRules[p.scope])
            appendPlaced(out, undecidedStage(`${why}; it may belong to ${p.label}`, origin, base));
        for (const r of rulesByPolicy.get(p.policy) ?? [])
            appendPlaced(out, policyRules(r, p.label, network, base, last));
        return out;
    };
    /** The walk for instances of a network in a region: VPC rules and policy stages in order, one band of priorities each. */
    const stagesOf = (n, region) => {
        const cacheKey = region ?? '?';
        const hit = n.stages.get(cacheKey);
        if (hit)
            return hit;
        const outside = [];
        if (!n.declared) {
            // Pre-populated rules of the default network, or rules of another configuration.
            outside.push({ rule: mayAllowAnything(`${n.key} is not declared in this plan, so firewall rules made elsewhere (such as the default network's default-allow-* rules) may also apply`, { label: `firewall rules of ${n.key} outside this plan`, location: n.location ?? { file: ctx.state.doc.file, line: 1, column: 1 } }, 65534) });
        }
        const vpc = { ingress: [...n.ingress, ...unplacedRules.ingress, ...outside], egress: [...n.egress, ...unplacedRules.egress] };
        const walk = { ingress: [], egress: [] };
        const add = (p) => appendPlaced(walk, p);
        everywhere.forEach(add);
        const vpcStage = (base) => (base === 0 ? vpc : { ingress: vpc.ingress.map((p) => shifted(p, base)), egress: vpc.egress.map((p) => shifted(p, base)) });
        const stages = [];
        const policies = (attached.get(n.key) ?? []).filter((p) => p.scope === 'global' || p.region === undefined || region === undefined || p.region === region);
        if (policies.length === 0)
            stages.push(vpcStage);
        else {
            const order = policiesFirst(ctx, n.declared, n.key);
            const before = order === true;
            if (typeof order === 'string') {
                add(undecidedStage(`${order}, so whether ${policies.map((p) => p.label).join(', ')} is evaluated before or after the VPC firewall rules is not known`, { label: `firewall policies of ${n.key}`, location: n.location ?? ctx.locate(policies[0].association) }, -1));
            }
            if (!before)
                stages.push(vpcStage);
            // Global policies before regional ones.
            const ordered = [...policies.filter((p) => p.scope === 'global'), ...policies.filter((p) => p.scope === 'regional')];
            for (const p of ordered)
                stages.push((base, last) => policyStage(p, n.key, region, base, last));
            if (before)
                stages.push(vpcStage);
        }
        stages.forEach((stage, i) => add(stage(i * STAGE, i === stages.length - 1)));
        const targeted = [...new Set([...walk.ingress, ...walk.egress].filter((p) => p.targets))];
        const result = { ...walk, targeted, policies: policies.map((p) => p.label) };
        n.stages.set(cacheKey, result);
        return result;
    };
    /**
     * The layers of an instance: its network's walk, with the rules that target tags or
     * service accounts as well as ranges resolved for it. Instances that resolve alike share
     * their layers.
     */
    const layersOf = (key, region, side) => {
        const n = networkRules(key);
        const walk = stagesOf(n, region);
        const decisions = new Map();
        let signature = '';
        for (const p of walk.targeted) {
            const d = targetDecision(p, side);
            decisions.set(p, d);
            signature += d;
        }
        const cacheKey = `${region ?? '?'}|${signature}`;
        const hit = n.layers.get(cacheKey);
        if (hit)
            return hit;
        const rulesOf = (placed) => {
            const out = [];
            for (const p of placed) {
                const r = resolvedRule(p, decisions.get(p) ?? 'y', side);
                if (r)
                    out.push(r);
            }
            return out;
        };
        const fixAddress = n.declared?.address ?? key;
        // A deny of a policy evaluated first is undone in the policy, not by a VPC rule.
        const orPolicy = walk.policies.length > 0 ? `, or a rule of ${walk.policies.join(', ')} where the policy denies it` : '';
        const layers = {
            ingress: {
                name: `firewall rules of ${key}`,
                rules: rulesOf(walk.ingress),
                defaultAction: 'deny',
                fix: { kind: 'resource', address: fixAddress, rule: `an INGRESS allow rule (google_compute_firewall, with a priority number below any deny that matches${orPolicy})` },
                fixLocation: n.location,
            },
            egress: {
                name: `egress firewall rules of ${key}`,
                rules: rulesOf(walk.egress),
                defaultAction: 'allow',
                fix: { kind: 'resource', address: fixAddress, rule: `an EGRESS allow rule (google_compute_firewall, with a priority number below any deny that matches${orPolicy})` },
                fixLocation: n.location,
            },
        };
        n.layers.set(cacheKey, layers);
        return layers;
    };
    const serverNetwork = (instance) => {
        const location = ctx.locate(instance);
        let net = networkKeyOf(instance, ['network_interface', 0, 'network']);
        const subnet = linkedResources(ctx, instance, ['network_interface', 0, 'subnetwork'], { types: new Set([SUBNETWORK]), byId: subnetByRef, what: 'subnetwork', normalize: lastSegment });
        if (net.key === undefined && subnet.targets.length > 0)
            net = networkKeyOf(subnet.targets[0], ['network']);
        if (net.key === undefined) {
            const why = net.unknown.join('; ') || `the network of ${instance.address} is not known until apply`;
            return { ingress: [unknownLayer(`network of ${instance.address}`, why, location)], egress: [unknownLayer(`network of ${instance.address}`, why, location)], identities: [], identitiesUnknown: why, addresses: AddressSet.ALL_V4, addressesExact: false };
        }
        const key = net.key;
        const tags = attributeValues(ctx, instance, ['tags'], { computedDefault: [] });
        const account = linkedResources(ctx, instance, ['service_account', 0, 'email'], { types: new Set([ACCOUNT]), byId: accountByEmail, what: 'service account' });
        const identities = [
            `network:${key}`,
            ...tags.values.filter((t) => typeof t === 'string').map((t) => `tag:${key}:${t}`),
            ...accountIdentity(key, account),
        ];
        const identityUnknown = [...tags.unknown, ...account.unknown];
        const ip = attributeValues(ctx, instance, ['network_interface', 0, 'network_ip']);
        const exact = ip.unknown.length === 0 ? cidrSet(ip.values) : undefined;
        // An instance's primary internal address is IPv4 unless its interface is IPv6-only.
        const ipv6Only = lookup(instance, ['network_interface', 0, 'stack_type']);
        let addresses = ipv6Only.state === 'known' && ipv6Only.value === 'IPV6_ONLY' ? AddressSet.ALL_V6 : AddressSet.ALL_V4;
        let addressesExact = false;
        if (exact && !exact.set.isEmpty() && exact.invalid.length === 0) {
            addresses = exact.set;
            addressesExact = true;
        }
        else if (subnet.targets.length > 0 && addresses === AddressSet.ALL_V4) {
            const range = cidrSet(attributeValues(ctx, subnet.targets[0], ['ip_cidr_range']).values).set;
            if (!range.isEmpty())
                addresses = range;
        }
        const zone = lookup(instance, ['zone']);
        const region = zone.state === 'known' && typeof zone.value === 'string' ? gcpRegionOfZone(zone.value) : undefined;
        const identitiesUnknown = identityUnknown.length > 0 ? identityUnknown.join('; ') : undefined;
        const layers = widenedForOtherInterfaces(instance, location, layersOf(key, region, { identities: new Set(identities), identitiesUnknown, addresses }));
        return { ingress: [layers.ingress], egress: [layers.egress], identities, identitiesUnknown, addresses, addressesExact };
    };
    /**
     * Cloud SQL is not behind the VPC firewall: its public IP admits the authorized
     * networks, its private IP (through the peering) any instance of the network named in
     * `private_network`.
     */
    const sqlNetwork = (db) => {
        const location = ctx.locate(db);
        const base = ['settings', 0, 'ip_configuration', 0];
        const rules = [];
        const ipv4 = lookup(db, [...base, 'ipv4_enabled']);
        const origin = (label) => ({ label: `${db.address} ${label}`, location });
        if (ipv4.state === 'unknown')
            rules.push(mayAllowAnything(`${describeAttribute(db, [...base, 'ipv4_enabled'])} is not known until apply`, origin('ipv4_enabled')));
        if (ipv4.state !== 'known' || ipv4.value !== false) {
            const nets = lookup(db, [...base, 'authorized_networks']);
            if (nets.state === 'unknown')
                rules.push(mayAllowAnything(`${describeAttribute(db, [...base, 'authorized_networks'])} is not known until apply`, origin('authorized_networks')));
            else if (nets.state === 'known' && Array.isArray(nets.value)) {
                nets.value.forEach((n, i) => {
                    const value = isObjectValue(n) ? n.value : undefined;
                    const c = cidrSet([value]);
                    const peer = typeof value === 'string' && c.invalid.length === 0 ? { addresses: c.set, identities: [], label: value } : unknownPeer(`${describeAttribute(db, [...base, 'authorized_networks', i, 'value'])} is not a known CIDR`);
                    rules.push({ action: 'allow', priority: 0, protocol: 'tcp', ports: PortSet.ALL, peer, origin: origin(`authorized network ${typeof value === 'string' ? value : '?'}`) });
                });
            }
        }
        const privateNetwork = lookup(db, [...base, 'private_network']);
        if (privateNetwork.state !== 'absent') {
            const net = networkKeyOf(db, [...base, 'private_network']);
            const peer = net.key ? { addresses: AddressSet.EMPTY, identities: [`network:${net.key}`], label: `instances of ${net.key}` } : unknownPeer(net.unknown.join('; '));
            rules.push({ action: 'allow', priority: 0, protocol: 'tcp', ports: PortSet.ALL, peer, origin: origin(`private IP on ${net.key ?? 'a network unknown until apply'}`) });
        }
        const layer = {
            name: `connectivity of ${db.address}`,
            rules,
            defaultAction: 'deny',
            fix: { kind: 'resource', address: db.address, rule: 'an authorized network (or a private_network)' },
            fixLocation: location,
        };
        return { ingress: [layer], egress: [], identities: [], addresses: AddressSet.EMPTY, addressesExact: false };
    };
    return { serverNetwork, sqlNetwork, networkKey: networkKeyOf };
}

;// CONCATENATED MODULE: ./src/core/terraform/plan-servers.ts






/**
 * The servers a plan creates or keeps: compute resources and managed SQL Server / Oracle
 * databases, with their roles (tag or label `topogate-role`), environment
 * (`topogate-environment`), provider, region and network. Other databases become servers
 * only when a tag or a topology selector gives them a role.
 */
const ROLE_TAG = 'topogate-role';
const ENVIRONMENT_TAG = 'topogate-environment';
const ROLE_NAME = /^[A-Za-z0-9_.][A-Za-z0-9_.:/@-]*$/;
const awsTags = (res) => ({ ...knownMap(res, ['tags_all']), ...knownMap(res, ['tags']) });
/** A string attribute after apply, followed through configuration when unknown (a location from a resource group). */
const stringAt = (ctx, res, path) => {
    const v = attributeValues(ctx, res, path);
    return v.unknown.length === 0 ? v.values.find((x) => typeof x === 'string' && x !== '') : undefined;
};
const awsRegion = (ctx, res, zone) => (zone ? awsRegionOfZone(zone) : undefined) ?? ctx.resolver.providerArgument(res, 'region', 'aws');
const azureTags = (res) => knownMap(res, ['tags']);
const azureLocation = (ctx, res) => {
    const l = stringAt(ctx, res, ['location']);
    return l ? azureRegion(l) : undefined;
};
const gcpLabels = (res) => ({ ...knownMap(res, ['labels']), ...knownMap(res, ['effective_labels']) });
/** `sqlserver-se`, `custom-sqlserver-ee` -> sqlserver; `oracle-ee` -> oracle; others as written. */
function rdsEngine(res) {
    const e = knownString(res, ['engine'])?.toLowerCase();
    if (e === undefined)
        return undefined;
    if (/^(custom-)?sqlserver/.test(e))
        return 'sqlserver';
    if (/^(custom-)?oracle/.test(e))
        return 'oracle';
    return e;
}
const SERVER_TYPES = {
    aws_instance: { cloud: 'aws', kind: 'compute', tags: awsTags, region: (ctx, r) => awsRegion(ctx, r, stringAt(ctx, r, ['availability_zone'])) },
    aws_launch_template: {
        cloud: 'aws',
        kind: 'compute',
        // The template's own tags, then the tags it gives the instances it launches.
        tags: (r) => {
            const out = awsTags(r);
            const specs = lookup(r, ['tag_specifications']);
            if (specs.state === 'known' && Array.isArray(specs.value)) {
                specs.value.forEach((s, i) => {
                    if (s && typeof s === 'object' && s.resource_type === 'instance')
                        Object.assign(out, knownMap(r, ['tag_specifications', i, 'tags']));
                });
            }
            return out;
        },
        region: (ctx, r) => awsRegion(ctx, r, knownString(r, ['placement', 0, 'availability_zone'])),
    },
    aws_launch_configuration: { cloud: 'aws', kind: 'compute', tags: () => ({}), region: (ctx, r) => awsRegion(ctx, r) },
    aws_db_instance: { cloud: 'aws', kind: 'database', tags: awsTags, region: (ctx, r) => awsRegion(ctx, r, stringAt(ctx, r, ['availability_zone'])), engine: rdsEngine },
    aws_rds_cluster: { cloud: 'aws', kind: 'database', tags: awsTags, region: (ctx, r) => awsRegion(ctx, r, knownString(r, ['availability_zones', 0])), engine: rdsEngine },
    azurerm_linux_virtual_machine: { cloud: 'azure', kind: 'compute', tags: azureTags, region: azureLocation },
    azurerm_windows_virtual_machine: { cloud: 'azure', kind: 'compute', tags: azureTags, region: azureLocation },
    azurerm_virtual_machine: { cloud: 'azure', kind: 'compute', tags: azureTags, region: azureLocation },
    azurerm_mssql_server: { cloud: 'azure', kind: 'database', tags: azureTags, region: azureLocation, engine: () => 'sqlserver', defaultPort: 1433 },
    azurerm_sql_server: { cloud: 'azure', kind: 'database', tags: azureTags, region: azureLocation, engine: () => 'sqlserver', defaultPort: 1433 },
    google_compute_instance: {
        cloud: 'gcp',
        kind: 'compute',
        tags: gcpLabels,
        region: (ctx, r) => {
            const zone = stringAt(ctx, r, ['zone']);
            return (zone ? gcpRegionOfZone(zone) : undefined) ?? ctx.resolver.providerArgument(r, 'region', 'google');
        },
    },
    google_compute_instance_template: { cloud: 'gcp', kind: 'compute', tags: gcpLabels, region: (ctx, r) => stringAt(ctx, r, ['region']) ?? ctx.resolver.providerArgument(r, 'region', 'google') },
    google_sql_database_instance: {
        cloud: 'gcp',
        kind: 'database',
        tags: (r) => ({ ...knownMap(r, ['settings', 0, 'user_labels']) }),
        region: (ctx, r) => stringAt(ctx, r, ['region']) ?? ctx.resolver.providerArgument(r, 'region', 'google'),
        engine: (r) => {
            const v = knownString(r, ['database_version'])?.toUpperCase();
            if (v === undefined)
                return undefined;
            return v.startsWith('SQLSERVER') ? 'sqlserver' : v.split('_')[0].toLowerCase();
        },
        defaultPort: undefined,
    },
};
/** `registry.terraform.io/hashicorp/aws` and `aws` -> aws; azurerm -> azure; google -> gcp. */
function providerOf(providerName) {
    const short = providerName.split('/').pop()?.toLowerCase() ?? '';
    if (short === '')
        return undefined;
    if (short === 'aws')
        return 'aws';
    if (short === 'azurerm')
        return 'azure';
    if (short === 'google' || short === 'google-beta')
        return 'gcp';
    return short;
}
/** The resource's own tag (label) maps, whose entries unknown until apply nothing can read. */
function tagPaths(res, type) {
    if (res.type === 'google_sql_database_instance')
        return [['settings', 0, 'user_labels']];
    if (res.type === 'aws_launch_configuration')
        return [];
    if (res.type === 'aws_launch_template') {
        // The instances it launches take the tags of its `instance` tag specifications.
        const paths = [['tags']];
        const specs = lookup(res, ['tag_specifications']);
        if (specs.state === 'unknown')
            paths.push(['tag_specifications']);
        else if (specs.state === 'known' && Array.isArray(specs.value)) {
            specs.value.forEach((_, i) => {
                const kind = lookup(res, ['tag_specifications', i, 'resource_type']);
                if (kind.state === 'unknown' || (kind.state === 'known' && kind.value === 'instance'))
                    paths.push(['tag_specifications', i, 'tags']);
            });
        }
        return paths;
    }
    return type.cloud === 'gcp' ? [['labels']] : [['tags']];
}
/**
 * The map that adds the provider's default tags (labels) to a resource's own, where the
 * resource's tags are read from it too: `tags_all` (AWS `default_tags`), `effective_labels`
 * (Google `default_labels`), with the provider argument that feeds it.
 */
function defaultTagMap(res, type) {
    if (type.tags === awsTags || res.type === 'aws_launch_template')
        return { path: ['tags_all'], own: ['tags'], argument: 'default_tags', providers: ['aws'] };
    if (type.tags === gcpLabels)
        return { path: ['effective_labels'], own: ['labels'], argument: 'default_labels', providers: ['google', 'google-beta'] };
    return undefined;
}
const providerDefaults = new WeakMap();
/**
 * Whether a provider configuration of the plan may give resources default tags (labels):
 * one that sets `argument`, or no configuration of that provider in the plan to tell.
 */
function providerMayAddTags(ctx, providers, argument) {
    let known = providerDefaults.get(ctx);
    if (!known)
        providerDefaults.set(ctx, (known = new Map()));
    const key = `${providers.join(',')}:${argument}`;
    let may = known.get(key);
    if (may === undefined) {
        const configs = [...ctx.config.providers.values()].filter((p) => providers.includes(p.name));
        may = !ctx.config.present || configs.length === 0 || configs.some((p) => p.expressions[argument] !== undefined);
        known.set(key, may);
    }
    return may;
}
/** Keys a map marks unknown in `after_unknown` (`{ tags: { Role: true } }`), or the whole map. */
function unknownKeys(res, path) {
    if (lookup(res, path).state === 'unknown')
        return 'all';
    let u = res.unknown;
    for (const step of path)
        u = u !== null && typeof u === 'object' ? u[step] : undefined;
    if (u === null || typeof u !== 'object' || Array.isArray(u))
        return [];
    return Object.keys(u).filter((k) => u[k] === true);
}
/** Which tags of a resource are not known until apply: whole maps, or the keys `after_unknown` marks. */
function unknownTagMaps(ctx, res, type) {
    const out = [];
    for (const path of tagPaths(res, type)) {
        const keys = unknownKeys(res, path);
        if (keys === 'all' || keys.length > 0)
            out.push({ path, keys });
    }
    // tags_all (effective_labels) unknown: the provider's default tags may add keys the resource's own tags do not set.
    const defaults = defaultTagMap(res, type);
    if (defaults && providerMayAddTags(ctx, defaults.providers, defaults.argument)) {
        const keys = unknownKeys(res, defaults.path);
        const settled = new Set(Object.keys(knownMap(res, defaults.own)).map((k) => k.toLowerCase()));
        const open = keys === 'all' ? keys : keys.filter((k) => !settled.has(k.toLowerCase()));
        if (open === 'all' || open.length > 0)
            out.push({ path: defaults.path, keys: open, settled });
    }
    return out;
}
/** How a map of tags unknown until apply is named: `tags_all of X (its tags and the provider's default_tags)`. */
function describeTagMap(res, path) {
    const what = describeAttribute(res, path);
    if (path[0] === 'tags_all')
        return `${what} (its tags and the provider's default_tags)`;
    if (path[0] === 'effective_labels')
        return `${what} (its labels and the provider's default_labels)`;
    return what;
}
/** The attribute behind the first unknown tag `wanted` accepts: `tags.topogate-role of aws_instance.x is not known until apply`. */
function unknownTag(res, maps, wanted) {
    for (const m of maps) {
        if (m.keys === 'all') {
            // A key the resource's own tags set is known whatever the provider adds.
            if (m.settled && [...m.settled].some(wanted))
                continue;
            return `${describeTagMap(res, m.path)} are not known until apply`;
        }
        const key = m.keys.find((k) => wanted(k.toLowerCase()));
        if (key !== undefined)
            return `${describeAttribute(res, [...m.path, key])} is not known until apply`;
    }
    return undefined;
}
function splitRoles(text) {
    return text.split(/[\s,;]+/).filter((r) => r !== '');
}
/** Roles from `topogate-role: a,b` and from keys `topogate-role-<role>` (GCP label values cannot hold commas). */
function rolesOf(tags, where, address) {
    const roles = [];
    for (const [k, v] of Object.entries(tags)) {
        if (k.toLowerCase() === ROLE_TAG)
            roles.push(...splitRoles(v));
        else if (k.toLowerCase().startsWith(`${ROLE_TAG}-`) && !/^(false|no|0|off)$/i.test(v.trim()))
            roles.push(k.slice(ROLE_TAG.length + 1));
    }
    for (const r of roles) {
        if (!ROLE_NAME.test(r)) {
            throw InputError.at(where, `${address}: "${r}" in the ${ROLE_TAG} tag is not a role name. Write role names separated by commas, e.g. "front-end,controller" (letters, digits and . _ - : / @).`);
        }
    }
    return [...new Set(roles)];
}
/** The unknown tag maps of a resource as one: keys unknown in any, and the first map's name. */
function unknownTagsOf(res, maps) {
    const attribute = describeTagMap(res, maps[0].path);
    const whole = maps.filter((m) => m.keys === 'all');
    if (whole.length === 0)
        return { keys: [...new Set(maps.flatMap((m) => m.keys))], attribute };
    // The whole of a map unknown: every key, but those the resource's own tags settle (where every such map says so).
    const settled = whole.every((m) => m.settled) ? whole[0].settled : undefined;
    return settled ? { keys: 'all', settled, attribute } : { keys: 'all', attribute };
}
function serverCandidates(ctx) {
    const out = [];
    for (const res of ctx.state.resources) {
        if (res.mode !== 'managed')
            continue;
        const type = Object.hasOwn(SERVER_TYPES, res.type) ? SERVER_TYPES[res.type] : undefined;
        if (!type)
            continue;
        const location = ctx.locate(res);
        const tags = type.tags(res);
        const engine = type.engine?.(res);
        const environment = Object.entries(tags).find(([k]) => k.toLowerCase() === ENVIRONMENT_TAG)?.[1]?.trim();
        const environmentTag = environment !== undefined && environment !== '' ? environment : undefined;
        const maps = unknownTagMaps(ctx, res, type);
        const candidate = {
            res,
            type,
            location,
            tags,
            tagRoles: rolesOf(tags, location, res.address),
            environmentTag,
            engine,
            always: type.kind === 'compute' || engine === 'sqlserver' || engine === 'oracle',
            tagsUnknown: maps.length === 0 ? undefined : unknownTagsOf(res, maps),
        };
        if (maps.length > 0) {
            // A tag unknown until apply is not an absent tag: the server may hold roles, or belong to an environment, not known yet.
            const roleTagUnknown = unknownTag(res, maps, (k) => k === ROLE_TAG || k.startsWith(`${ROLE_TAG}-`));
            if (roleTagUnknown !== undefined)
                candidate.roleTagUnknown = roleTagUnknown;
            const environmentTagUnknown = environmentTag === undefined ? unknownTag(res, maps, (k) => k === ENVIRONMENT_TAG) : undefined;
            if (environmentTagUnknown !== undefined)
                candidate.environmentTagUnknown = environmentTagUnknown;
        }
        out.push(candidate);
    }
    return out;
}
/** The attributes of an Azure virtual machine that name its network interfaces, first one first. */
function azureNicPaths(res) {
    return res.type === 'azurerm_virtual_machine' ? ['primary_network_interface_id', 'network_interface_ids'] : ['network_interface_ids'];
}
/** Builds each cloud's network model once per plan, on first use. */
function networkBuilders(ctx) {
    let aws;
    let azure;
    let gcp;
    const sgPaths = (res) => {
        switch (res.type) {
            case 'aws_instance':
                return [['vpc_security_group_ids'], ['security_groups']];
            case 'aws_launch_template': {
                const paths = [['vpc_security_group_ids'], ['security_group_names']];
                const nis = lookup(res, ['network_interfaces']);
                if (nis.state === 'known' && Array.isArray(nis.value))
                    nis.value.forEach((_, i) => paths.push(['network_interfaces', i, 'security_groups']));
                return paths;
            }
            case 'aws_launch_configuration':
                return [['security_groups']];
            default:
                return [['vpc_security_group_ids']];
        }
    };
    const builders = {
        aws: () => (aws ??= buildAwsNetwork(ctx)),
        azure: () => (azure ??= buildAzureNetwork(ctx)),
        gcp: () => (gcp ??= buildGcpNetwork(ctx)),
        network(c) {
            const res = c.res;
            switch (c.type.cloud) {
                case 'aws':
                    return builders.aws().serverNetwork(res, sgPaths(res));
                case 'azure':
                    if (c.type.kind === 'database')
                        return builders.azure().sqlServerNetwork(res);
                    return builders.azure().serverNetwork(res, azureNicPaths(res));
                default:
                    return c.type.kind === 'database' ? builders.gcp().sqlNetwork(res) : builders.gcp().serverNetwork(res);
            }
        },
    };
    return builders;
}
/** The database listener port: the `port` attribute, else the engine's default (left to the policy). */
function databasePort(ctx, c) {
    if (c.type.kind !== 'database')
        return undefined;
    if (c.type.defaultPort !== undefined)
        return c.type.defaultPort;
    const port = attributeValues(ctx, c.res, ['port'], { computedDefault: [] });
    const value = port.values.find((v) => typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)));
    return value === undefined ? undefined : Number(value);
}
/** The server model of a candidate, named `name` in its environment. */
function buildServer(ctx, builders, c, name, roles, roleNotes, doubts = {}) {
    const network = builders.network(c);
    const engine = c.type.kind === 'database' ? c.engine : undefined;
    return {
        kind: 'server',
        name,
        roles,
        roleNotes: Object.keys(roleNotes).length > 0 ? roleNotes : undefined,
        addresses: network.addresses,
        addressesExact: network.addressesExact,
        identities: [`server:${name}`, ...roles.map((r) => `role:${r}`), ...network.identities],
        identitiesUnknown: network.identitiesUnknown,
        ingress: network.ingress,
        egress: network.egress,
        location: c.location,
        provider: providerOf(c.res.providerName) ?? c.type.cloud,
        providerLocation: c.location,
        region: c.type.region(ctx, c.res),
        engine,
        port: databasePort(ctx, c),
        resource: { address: c.res.address, type: c.res.type },
        ...(doubts.rolesUnknown !== undefined ? { rolesUnknown: doubts.rolesUnknown } : {}),
        ...(doubts.rolesUnknown !== undefined && doubts.possibleRoles !== undefined ? { possibleRoles: doubts.possibleRoles } : {}),
        ...(doubts.membershipUnknown !== undefined ? { membershipUnknown: doubts.membershipUnknown } : {}),
    };
}

;// CONCATENATED MODULE: ./src/core/terraform/aws-balancers.ts




/**
 * AWS load balancers after apply.
 *
 * - An Application Load Balancer (`aws_lb` / `aws_alb`, type `application`) is a proxy: its
 *   security groups filter the clients (ingress) and its traffic to the targets (egress), and
 *   the targets see it, from addresses in its subnets, carrying its groups.
 * - A Network Load Balancer (type `network`) without security groups filters nothing. Its
 *   target groups decide what the targets see (AWS's client IP preservation): the client's
 *   address for instance targets and for UDP / TCP_UDP, the NLB's own private addresses for IP
 *   targets over TCP / TLS, unless `preserve_client_ip` says otherwise. An NLB with security
 *   groups filters the clients with them, and its traffic to the targets passes their egress;
 *   with the client's address preserved, a target rule naming the NLB's group still admits it
 *   (AWS documents this), so the forwarded traffic carries the NLB's groups as well.
 * - A classic ELB (`aws_elb`) is a proxy with security groups (the VPC's default group when it
 *   names none), listeners `lb_port` -> `instance_port`.
 * - Listeners (`aws_lb_listener`) forward by their default actions and the rules
 *   (`aws_lb_listener_rule`) on them, to target groups, including weighted `forward` blocks
 *   (a group of weight 0 gets nothing). Target groups hold attachments
 *   (`aws_lb_target_group_attachment`, by instance or by IP) and autoscaling groups
 *   (`target_group_arns`, `aws_autoscaling_attachment`, `aws_autoscaling_traffic_source_attachment`),
 *   whose instances are the servers of their launch template or launch configuration.
 * - An internal balancer is not reachable from the internet.
 * What cannot be resolved makes the listener's targets unknown, naming the attribute.
 */
const LB_TYPES = new Set(['aws_lb', 'aws_alb']);
const LISTENER_TYPES = new Set(['aws_lb_listener', 'aws_alb_listener']);
const LISTENER_RULE_TYPES = ['aws_lb_listener_rule', 'aws_alb_listener_rule'];
const TG_TYPES = new Set(['aws_lb_target_group', 'aws_alb_target_group']);
const ATTACHMENT_TYPES = ['aws_lb_target_group_attachment', 'aws_alb_target_group_attachment'];
const INSTANCE = new Set(['aws_instance']);
const LAUNCH_CONFIGURATION = new Set(['aws_launch_configuration']);
const LAUNCH_TEMPLATE = new Set(['aws_launch_template']);
const aws_balancers_ASG = new Set(['aws_autoscaling_group']);
const ELB = new Set(['aws_elb']);
const aws_balancers_SUBNET = new Set(['aws_subnet', 'aws_default_subnet']);
function listenerProtocol(value) {
    switch (String(value).toUpperCase()) {
        case 'HTTP':
        case 'HTTPS':
        case 'TCP':
        case 'TLS':
        case 'SSL':
            return 'tcp';
        case 'UDP':
            return 'udp';
        case 'TCP_UDP':
            return 'all';
        default:
            return undefined;
    }
}
const isIp = (v) => cidrSet([v]).invalid.length === 0 && !v.includes('/');
function buildAwsBalancers(ctx, network, servers) {
    const managed = (types) => [...types].flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed');
    const lbs = managed(LB_TYPES);
    const elbs = managed(ELB);
    const tgs = managed(TG_TYPES);
    const asgs = managed(aws_balancers_ASG);
    const listeners = managed(LISTENER_TYPES);
    const spec = (types, byId, what) => ({ types, byId, what });
    const specs = {
        lb: spec(LB_TYPES, indexBy(lbs, ['arn', 'id']), 'load balancer'),
        tg: spec(TG_TYPES, indexBy(tgs, ['arn', 'id']), 'target group'),
        listener: spec(LISTENER_TYPES, indexBy(listeners, ['arn', 'id']), 'listener'),
        elb: spec(ELB, indexBy(elbs, ['name', 'id']), 'classic load balancer'),
        asg: spec(aws_balancers_ASG, indexBy(asgs, ['name', 'id', 'arn']), 'autoscaling group'),
        instance: spec(INSTANCE, indexBy(managed(INSTANCE), ['id', 'arn']), 'instance'),
        lc: spec(LAUNCH_CONFIGURATION, indexBy(managed(LAUNCH_CONFIGURATION), ['name', 'id']), 'launch configuration'),
        lt: spec(LAUNCH_TEMPLATE, indexBy(managed(LAUNCH_TEMPLATE), ['id', 'name', 'arn']), 'launch template'),
        subnet: spec(aws_balancers_SUBNET, indexBy(managed(aws_balancers_SUBNET), ['id']), 'subnet'),
    };
    const link = (res, path, s) => linkedResources(ctx, res, path, s);
    const pools = new Map();
    const poolOf = (res) => {
        let p = pools.get(res.address);
        if (!p)
            pools.set(res.address, (p = { members: [], unknown: [] }));
        return p;
    };
    /** Reasons some target group (or classic ELB) of the plan gains targets that are not known. */
    const anyTargetGroup = [];
    const anyElb = [];
    /** Members from linked instances, and from addresses (IP targets) that are servers' addresses. */
    const membersOf = (links, port) => {
        const out = links.targets.filter((t) => servers.isServer(t)).map((res) => ({ res, port }));
        for (const ip of links.external)
            if (isIp(ip))
                for (const res of servers.withAddress(ip))
                    out.push({ res, port });
        return out;
    };
    const asgMembers = new Map();
    const membersOfAsg = (asg) => {
        let m = asgMembers.get(asg.address);
        if (m)
            return m;
        m = { members: [], unknown: [] };
        const lt = [
            ['launch_template', 0, 'id'],
            ['launch_template', 0, 'name'],
            ['mixed_instances_policy', 0, 'launch_template', 0, 'launch_template_specification', 0, 'launch_template_id'],
            ['mixed_instances_policy', 0, 'launch_template', 0, 'launch_template_specification', 0, 'launch_template_name'],
        ];
        for (const [path, s] of [[['launch_configuration'], specs.lc], ...lt.map((p) => [p, specs.lt])]) {
            const l = link(asg, path, s);
            for (const t of l.targets)
                if (servers.isServer(t) && !m.members.includes(t))
                    m.members.push(t);
            m.unknown.push(...l.unknown);
        }
        asgMembers.set(asg.address, m);
        return m;
    };
    /** An autoscaling group registered in a pool: its instances are its template's servers. */
    const addAsg = (pool, asgs) => {
        for (const asg of asgs.targets) {
            const m = membersOfAsg(asg);
            pool.members.push(...m.members.map((res) => ({ res })));
            pool.unknown.push(...m.unknown);
        }
        pool.unknown.push(...asgs.unknown);
    };
    /** A pool link that cannot be resolved may be any pool of its kind. */
    const addToPools = (pools, add, floating) => {
        for (const p of pools.targets)
            add(poolOf(p));
        floating.push(...pools.unknown);
    };
    // Target group attachments.
    const tgInfo = new Map();
    const infoOf = (tg) => {
        let i = tgInfo.get(tg.address);
        if (!i)
            tgInfo.set(tg.address, (i = targetGroupInfo(ctx, tg)));
        return i;
    };
    for (const att of managed(ATTACHMENT_TYPES)) {
        const groups = link(att, ['target_group_arn'], specs.tg);
        const target = link(att, ['target_id'], specs.instance);
        const port = portAt(ctx, att, ['port'], { computedDefault: [] });
        addToPools(groups, (pool) => {
            pool.members.push(...membersOf(target, port.port));
            pool.unknown.push(...target.unknown, ...(port.unknown ? [port.unknown] : []));
        }, anyTargetGroup);
    }
    // Autoscaling groups and their attachments.
    for (const asg of asgs) {
        const self = { targets: [asg], external: [], unknown: [], computed: false };
        addToPools(link(asg, ['target_group_arns'], specs.tg), (pool) => addAsg(pool, self), anyTargetGroup);
        addToPools(link(asg, ['load_balancers'], specs.elb), (pool) => addAsg(pool, self), anyElb);
    }
    for (const att of managed(['aws_autoscaling_attachment'])) {
        const group = link(att, ['autoscaling_group_name'], specs.asg);
        for (const path of [['lb_target_group_arn'], ['alb_target_group_arn']])
            addToPools(link(att, path, specs.tg), (pool) => addAsg(pool, group), anyTargetGroup);
        addToPools(link(att, ['elb'], specs.elb), (pool) => addAsg(pool, group), anyElb);
    }
    for (const att of managed(['aws_autoscaling_traffic_source_attachment'])) {
        const group = link(att, ['autoscaling_group_name'], specs.asg);
        const type = singleValue(ctx, att, ['traffic_source', 0, 'type'], { computedDefault: [] });
        const kinds = type.unknown ? ['elbv2', 'elb'] : type.value === 'elbv2' ? ['elbv2'] : type.value === 'elb' ? ['elb'] : [];
        for (const kind of kinds) {
            const pools = link(att, ['traffic_source', 0, 'identifier'], kind === 'elb' ? specs.elb : specs.tg);
            addToPools(pools, (pool) => addAsg(pool, group), kind === 'elb' ? anyElb : anyTargetGroup);
        }
    }
    // Classic ELBs: their `instances` and `aws_elb_attachment`.
    for (const elb of elbs) {
        const instances = link(elb, ['instances'], specs.instance);
        const pool = poolOf(elb);
        pool.members.push(...membersOf(instances));
        pool.unknown.push(...instances.unknown);
    }
    for (const att of managed(['aws_elb_attachment'])) {
        const instances = link(att, ['instance'], specs.instance);
        addToPools(link(att, ['elb'], specs.elb), (pool) => {
            pool.members.push(...membersOf(instances));
            pool.unknown.push(...instances.unknown);
        }, anyElb);
    }
    // Target groups of each listener: its default actions and the rules on it.
    const forwardsOf = (res, attribute) => {
        const out = { groups: [], unknown: [] };
        const add = (l) => {
            for (const g of l.targets)
                if (!out.groups.includes(g))
                    out.groups.push(g);
            out.unknown.push(...l.unknown);
        };
        const actions = lookup(res, [attribute]);
        if (actions.state === 'unknown') {
            out.unknown.push(`${describeAttribute(res, [attribute])} is not known until apply`);
            return out;
        }
        if (actions.state !== 'known' || !Array.isArray(actions.value))
            return out;
        actions.value.forEach((action, i) => {
            const type = singleValue(ctx, res, [attribute, i, 'type']);
            if (type.unknown)
                out.unknown.push(type.unknown);
            else if (type.value !== 'forward')
                return;
            add(link(res, [attribute, i, 'target_group_arn'], specs.tg));
            // `forward { target_group { arn, weight } }` is a set: blocks are matched by value, not position.
            const base = [attribute, i, 'forward', 0, 'target_group'];
            const blocks = lookup(res, base);
            const planBlocks = blocks.state === 'known' && Array.isArray(blocks.value) ? blocks.value : [];
            if (blocks.state === 'known' && planBlocks.every((b) => isObjectValue(b) && typeof b.arn === 'string' && b.arn !== '')) {
                planBlocks.forEach((b, j) => {
                    if (isObjectValue(b) && b.weight !== 0)
                        add(link(res, [...base, j, 'arn'], specs.tg));
                });
                return;
            }
            for (const b of configBlocks(ctx, res, base) ?? []) {
                const weight = isObjectValue(b.weight) ? b.weight.constant_value : undefined;
                if (weight === 0 || weight === '0')
                    continue;
                add(linksOfExpression(ctx, res, b.arn, specs.tg, describeAttribute(res, [...base, 'arn'])));
            }
            if (blocks.state === 'unknown' && configBlocks(ctx, res, base) === undefined)
                out.unknown.push(`${describeAttribute(res, base)} is not known until apply`);
        });
        return out;
    };
    const ruleForwards = new Map();
    for (const rule of managed(LISTENER_RULE_TYPES)) {
        const on = link(rule, ['listener_arn'], specs.listener);
        const f = forwardsOf(rule, 'action');
        for (const l of on.targets) {
            const entry = ruleForwards.get(l.address) ?? { groups: [], unknown: [] };
            entry.groups.push(...f.groups.filter((g) => !entry.groups.includes(g)));
            entry.unknown.push(...f.unknown);
            ruleForwards.set(l.address, entry);
        }
    }
    // Ranges the plan's VPCs use: an internal balancer stays reachable from them.
    let vpcRanges;
    const networkRanges = () => {
        if (vpcRanges)
            return vpcRanges;
        const values = [];
        for (const r of managed(['aws_vpc', 'aws_default_vpc', 'aws_subnet', 'aws_default_subnet']))
            values.push(r.values.cidr_block, r.values.ipv6_cidr_block);
        for (const r of managed(['aws_vpc_ipv4_cidr_block_association']))
            values.push(r.values.cidr_block);
        for (const r of managed(['aws_vpc_ipv6_cidr_block_association']))
            values.push(r.values.ipv6_cidr_block);
        return (vpcRanges = cidrSet(values.filter((v) => typeof v === 'string' && v !== '')).set);
    };
    /** Scheme, addresses and filters of a balancer; `groups` false for an NLB without security groups. */
    const balancerNetwork = (lb, groups) => {
        const location = ctx.locate(lb);
        // Without groups, the network ACLs of its subnets still filter it (with groups, serverNetwork adds them).
        const own = groups ? network.serverNetwork(lb, [['security_groups']]) : { ...network.aclLayers(lb), identities: [], addresses: AddressSet.EMPTY, addressesExact: false };
        const scheme = [];
        const internal = singleValue(ctx, lb, ['internal'], { computedDefault: [false] });
        if (internal.unknown)
            scheme.push(unknownSchemeLayer(lb, `whether ${lb.address} is internal is not known: ${internal.unknown}`, location));
        else if (internal.value === true || internal.value === 'true')
            scheme.push(internalSchemeLayer(lb, location, networkRanges(), { kind: 'resource', address: lb.address, rule: 'internal = false (an internet-facing scheme)' }));
        // ALBs and NLBs are IPv4 unless dual-stack; a classic ELB in a VPC is IPv4 only.
        const family = lb.type === 'aws_elb' ? { value: 'ipv4' } : singleValue(ctx, lb, ['ip_address_type'], { computedDefault: ['ipv4'] });
        if (family.unknown)
            scheme.push(unknownSchemeLayer(lb, `whether ${lb.address} accepts IPv6 is not known: ${family.unknown}`, location));
        else if (family.value === 'ipv4' || family.value === undefined)
            scheme.push(ipv4OnlyLayer(lb, location, { kind: 'resource', address: lb.address, rule: lb.type === 'aws_elb' ? 'IPv6 (an ALB or NLB with ip_address_type = "dualstack"; a classic ELB has none)' : 'ip_address_type = "dualstack"' }));
        return { ...own, ingress: [...scheme, ...own.ingress], identities: [`lb:${lb.address}`, ...own.identities], ...balancerAddresses(lb) };
    };
    /** Where a balancer's nodes take their private addresses: the given ones, else somewhere in its subnets. */
    const balancerAddresses = (lb) => {
        const fallback = { addresses: AddressSet.ALL_V4, addressesExact: false };
        const mappings = lookup(lb, ['subnet_mapping']);
        const subnetLinks = [link(lb, ['subnets'], specs.subnet)];
        const fixed = [];
        let everyMappingFixed = mappings.state === 'known' && Array.isArray(mappings.value) && mappings.value.length > 0;
        if (mappings.state === 'known' && Array.isArray(mappings.value)) {
            mappings.value.forEach((m, i) => {
                subnetLinks.push(link(lb, ['subnet_mapping', i, 'subnet_id'], specs.subnet));
                const ip = isObjectValue(m) ? m.private_ipv4_address : undefined;
                if (typeof ip === 'string' && ip !== '')
                    fixed.push(ip);
                else
                    everyMappingFixed = false;
            });
        }
        if (everyMappingFixed) {
            const set = cidrSet(fixed);
            if (set.invalid.length === 0)
                return { addresses: set.set, addressesExact: true };
        }
        let range = AddressSet.EMPTY;
        for (const l of subnetLinks) {
            if (l.unknown.length > 0 || l.external.length > 0)
                return fallback;
            for (const s of l.targets) {
                const c = cidrSet([s.values.cidr_block]);
                if (c.set.isEmpty())
                    return fallback;
                range = range.union(c.set);
            }
        }
        return range.isEmpty() ? fallback : { addresses: range, addressesExact: false };
    };
    const drafts = [];
    const tagsOf = (r) => ({ ...knownMap(r, ['tags_all']), ...knownMap(r, ['tags']) });
    // ALBs and NLBs with their listeners.
    const listenersOf = new Map();
    for (const l of listeners) {
        for (const lb of link(l, ['load_balancer_arn'], specs.lb).targets) {
            const list = listenersOf.get(lb.address) ?? [];
            list.push(l);
            listenersOf.set(lb.address, list);
        }
    }
    for (const lb of lbs) {
        const type = singleValue(ctx, lb, ['load_balancer_type'], { computedDefault: ['application'] });
        // A Gateway Load Balancer is a bump in the wire for appliances, not a front for servers.
        if (type.value === 'gateway')
            continue;
        const nlb = type.value === 'network';
        const location = ctx.locate(lb);
        // An NLB has security groups only when created with them; an ALB always has some.
        const sgs = lookup(lb, ['security_groups']);
        const groups = !nlb || (sgs.state === 'known' && Array.isArray(sgs.value) && sgs.value.length > 0) || (sgs.state === 'unknown' && (!ctx.config.present || ctx.resolver.isSet(lb, 'security_groups')));
        const net = balancerNetwork(lb, groups);
        const out = [];
        for (const l of listenersOf.get(lb.address) ?? []) {
            const where = ctx.locate(l);
            const port = portAt(ctx, l, ['port']);
            // A listener whose port is not known cannot be placed on a port: it is left out.
            if (port.port === undefined)
                continue;
            const protocolValue = singleValue(ctx, l, ['protocol'], { computedDefault: [nlb ? 'TCP' : 'HTTP'] });
            const protocol = protocolValue.unknown ? undefined : listenerProtocol(protocolValue.value ?? (nlb ? 'TCP' : 'HTTP'));
            if (!protocolValue.unknown && protocol === undefined)
                continue;
            const own = forwardsOf(l, 'default_action');
            const rules = ruleForwards.get(l.address);
            const forwardGroups = [...own.groups, ...(rules?.groups ?? []).filter((g) => !own.groups.includes(g))];
            const unknown = [...own.unknown, ...(rules?.unknown ?? []), ...(protocolValue.unknown ? [`the protocol of ${l.address} is not known: ${protocolValue.unknown}`] : [])];
            // An attachment whose target group is not known may register its targets in any of these.
            if (forwardGroups.length > 0)
                unknown.push(...anyTargetGroup);
            const members = [];
            for (const tg of forwardGroups) {
                const info = infoOf(tg);
                if (info.skip)
                    continue;
                const pool = pools.get(tg.address);
                unknown.push(...(pool?.unknown ?? []), ...info.unknown);
                const preserves = nlb ? info.preserves : undefined;
                if (nlb && preserves === undefined) {
                    unknown.push(info.preservesUnknown ?? `whether ${tg.address} preserves client addresses is not known`);
                    continue;
                }
                for (const m of pool?.members ?? []) {
                    const targetPort = m.port ?? info.port;
                    if (targetPort === undefined)
                        unknown.push(info.portUnknown ?? `the port of ${tg.address} is not known`);
                    else
                        members.push({ res: m.res, port: targetPort, preserves });
                }
            }
            out.push(...listenersByTargetPort({ port: port.port, protocol: protocol ?? 'all', location: where }, members, unknown, port.port));
        }
        drafts.push({
            res: lb,
            network: net,
            listeners: out,
            preservesClientAddress: false,
            forwardedIdentities: nlb && groups ? net.identities.filter((i) => i.startsWith('sg:')) : undefined,
            location,
            environmentTag: environmentTagOf(tagsOf(lb)),
        });
    }
    // Classic ELBs: proxies with inline listeners.
    for (const elb of elbs) {
        const location = ctx.locate(elb);
        const pool = poolOf(elb);
        const unknown = [...pool.unknown, ...anyElb];
        const out = [];
        const blocks = lookup(elb, ['listener']);
        if (blocks.state === 'known' && Array.isArray(blocks.value)) {
            blocks.value.forEach((_, i) => {
                const port = portAt(ctx, elb, ['listener', i, 'lb_port']);
                if (port.port === undefined)
                    return;
                const protocolValue = singleValue(ctx, elb, ['listener', i, 'lb_protocol']);
                const protocol = protocolValue.unknown ? 'tcp' : listenerProtocol(protocolValue.value);
                if (protocol === undefined)
                    return;
                const instancePort = portAt(ctx, elb, ['listener', i, 'instance_port']);
                const reasons = [...unknown, ...(instancePort.unknown ? [instancePort.unknown] : [])];
                const targetPort = instancePort.port ?? port.port;
                out.push(...listenersByTargetPort({ port: port.port, protocol, location }, instancePort.port === undefined ? [] : pool.members.map((m) => ({ res: m.res, port: targetPort })), reasons, targetPort));
            });
        }
        drafts.push({ res: elb, network: balancerNetwork(elb, true), listeners: out, preservesClientAddress: false, location, environmentTag: environmentTagOf(tagsOf(elb)) });
    }
    return drafts;
}
/** A target group's port, target type and client address preservation (for NLB listeners). */
function targetGroupInfo(ctx, tg) {
    const unknown = [];
    const type = singleValue(ctx, tg, ['target_type'], { computedDefault: ['instance'] });
    if (type.unknown)
        unknown.push(type.unknown);
    // Lambda functions and ALBs behind an NLB are not servers.
    const targetType = typeof type.value === 'string' ? type.value : 'instance';
    if (!type.unknown && (targetType === 'lambda' || targetType === 'alb'))
        return { skip: true, unknown: [] };
    const port = portAt(ctx, tg, ['port']);
    const protocol = singleValue(ctx, tg, ['protocol']);
    const preserve = singleValue(ctx, tg, ['preserve_client_ip'], { computedDefault: [] });
    let preserves;
    let preservesUnknown;
    const proto = typeof protocol.value === 'string' ? protocol.value.toUpperCase() : undefined;
    if (proto === 'UDP' || proto === 'TCP_UDP' || proto === 'QUIC' || proto === 'TCP_QUIC')
        preserves = true;
    else if (preserve.unknown)
        preservesUnknown = `${describeAttribute(tg, ['preserve_client_ip'])} is not known: ${preserve.unknown}`;
    else if (preserve.value === true || preserve.value === 'true')
        preserves = true;
    else if (preserve.value === false || preserve.value === 'false')
        preserves = false;
    else if (type.unknown)
        preservesUnknown = `the target type of ${tg.address} is not known, and with it whether it preserves client addresses`;
    // AWS's defaults: preserved for instance targets, not for IP targets over TCP / TLS.
    else
        preserves = targetType === 'instance';
    if (protocol.unknown && preserves === undefined && preservesUnknown === undefined)
        preservesUnknown = protocol.unknown;
    return { skip: false, port: port.port, portUnknown: port.unknown, preserves, preservesUnknown, unknown };
}

;// CONCATENATED MODULE: ./src/core/terraform/azure-balancers.ts





/**
 * Azure load balancers after apply.
 *
 * - Azure Load Balancer (`azurerm_lb`) passes traffic through: the backends' NSGs see the
 *   client's own address (health probes come from AzureLoadBalancer, which the default
 *   rules admit). Load-balancing rules (`azurerm_lb_rule`) forward `frontend_port` to
 *   `backend_port` on their backend pools; inbound NAT rules (`azurerm_lb_nat_rule`) forward to
 *   the NICs associated with them. Pool members are NICs
 *   (`azurerm_network_interface_backend_address_pool_association`, or the NIC's legacy
 *   `load_balancer_backend_address_pools_ids`) of the virtual machines that use them, and
 *   addresses (`azurerm_lb_backend_address_pool_address`) that are servers' addresses. A rule
 *   on HA ports (protocol All, port 0) is left to the direct path: a pass-through balancer that
 *   keeps every port adds nothing to it.
 * - Application Gateway (`azurerm_application_gateway`) is a proxy in its own subnet: the
 *   subnet's NSGs filter the clients and its traffic out, and the backends see it from
 *   addresses in that subnet. Listeners (`http_listener` on a `frontend_port`) forward by their
 *   request routing rules (basic, or path-based through a URL path map) to backend pools
 *   (by IP address, by FQDN, or NICs associated with the pool) on the port of the rule's
 *   backend HTTP settings.
 * - A balancer without a public frontend is internal: the internet cannot reach it. A gateway
 *   with listeners on both kinds of frontend is two balancers, the private one named
 *   `<address> (private frontend)`.
 */
const LB = 'azurerm_lb';
const POOL = 'azurerm_lb_backend_address_pool';
const NAT_RULE = 'azurerm_lb_nat_rule';
const GATEWAY = 'azurerm_application_gateway';
const azure_balancers_NIC = 'azurerm_network_interface';
const VM_TYPES = ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine'];
function azureProtocol(v) {
    switch (typeof v === 'string' ? v.toLowerCase() : '') {
        case 'tcp':
            return 'tcp';
        case 'udp':
            return 'udp';
        case 'all':
            return 'all';
        default:
            return undefined;
    }
}
/** The named blocks of a gateway (`frontend_port`, `backend_address_pool`, …) by name. */
function blocksByName(res, attribute) {
    const out = new Map();
    const l = lookup(res, [attribute]);
    if (l.state !== 'known' || !Array.isArray(l.value))
        return out;
    l.value.forEach((block, index) => {
        if (isObjectValue(block) && typeof block.name === 'string')
            out.set(block.name, { block, index });
    });
    return out;
}
const isPublicFrontend = (res, attribute, index) => {
    const ip = lookup(res, [attribute, index, 'public_ip_address_id']);
    const prefix = lookup(res, [attribute, index, 'public_ip_prefix_id']);
    if (ip.state === 'unknown' || prefix.state === 'unknown')
        return true;
    const known = (l) => l.state === 'known' && typeof l.value === 'string' && l.value !== '';
    return known(ip) || known(prefix);
};
function buildAzureBalancers(ctx, network, servers) {
    const managed = (type) => ctx.ofType(type).filter((r) => r.mode === 'managed');
    const lbs = managed(LB);
    const pools = managed(POOL);
    const natRules = managed(NAT_RULE);
    const gateways = managed(GATEWAY);
    const nics = managed(azure_balancers_NIC);
    const spec = (type, byId, what) => ({ types: new Set([type]), byId, what });
    const specs = {
        lb: spec(LB, indexBy(lbs, ['id'], true), 'load balancer'),
        pool: spec(POOL, indexBy(pools, ['id'], true), 'backend address pool'),
        nat: spec(NAT_RULE, indexBy(natRules, ['id'], true), 'inbound NAT rule'),
        nic: spec(azure_balancers_NIC, indexBy(nics, ['id'], true), 'network interface'),
        gateway: spec(GATEWAY, indexBy(gateways, ['id'], true), 'application gateway'),
    };
    const link = (res, path, s) => linkedResources(ctx, res, path, s);
    const tagsOf = (r) => knownMap(r, ['tags']);
    // The virtual machines behind each NIC (by address, or by id for a NIC outside the plan).
    let vmsByNic;
    const vmsOf = (nicLinks) => {
        if (!vmsByNic) {
            vmsByNic = new Map();
            for (const vm of VM_TYPES.flatMap(managed)) {
                if (!servers.isServer(vm))
                    continue;
                for (const path of azureNicPaths(vm)) {
                    const l = link(vm, [path], specs.nic);
                    for (const k of [...l.targets.map((t) => t.address), ...l.external.map((id) => `id:${id.toLowerCase()}`)]) {
                        const list = vmsByNic.get(k) ?? [];
                        if (!list.includes(vm))
                            list.push(vm);
                        vmsByNic.set(k, list);
                    }
                }
            }
        }
        return [...nicLinks.targets.map((t) => t.address), ...nicLinks.external.map((id) => `id:${id.toLowerCase()}`)].flatMap((k) => vmsByNic.get(k) ?? []);
    };
    const addNics = (pool, nicLinks) => {
        pool.members.push(...vmsOf(nicLinks));
        pool.unknown.push(...nicLinks.unknown);
    };
    const addAddresses = (pool, values) => {
        for (const v of values)
            if (typeof v === 'string')
                pool.members.push(...servers.withAddress(v));
    };
    // Azure Load Balancer backend pools and NAT rules.
    const poolState = new Map();
    const poolOf = (res) => {
        let p = poolState.get(res.address);
        if (!p)
            poolState.set(res.address, (p = { members: [], unknown: [] }));
        return p;
    };
    const natTargets = new Map();
    const natOf = (res) => {
        let p = natTargets.get(res.address);
        if (!p)
            natTargets.set(res.address, (p = { members: [], unknown: [] }));
        return p;
    };
    /** Reasons some pool (or NAT rule) gains members that are not known: it may be any of them. */
    const anyPool = [];
    const anyNatRule = [];
    const into = (links, of, add, floating) => {
        for (const t of links.targets)
            add(of(t));
        floating.push(...links.unknown);
    };
    for (const a of managed('azurerm_network_interface_backend_address_pool_association')) {
        const nic = link(a, ['network_interface_id'], specs.nic);
        into(link(a, ['backend_address_pool_id'], specs.pool), poolOf, (pool) => addNics(pool, nic), anyPool);
    }
    for (const a of managed('azurerm_network_interface_nat_rule_association')) {
        const nic = link(a, ['network_interface_id'], specs.nic);
        into(link(a, ['nat_rule_id'], specs.nat), natOf, (pool) => addNics(pool, nic), anyNatRule);
    }
    for (const a of managed('azurerm_lb_backend_address_pool_address')) {
        const ip = singleValue(ctx, a, ['ip_address']);
        into(link(a, ['backend_address_pool_id'], specs.pool), poolOf, (pool) => {
            if (ip.unknown)
                pool.unknown.push(ip.unknown);
            else
                addAddresses(pool, [ip.value]);
        }, anyPool);
    }
    for (const p of pools) {
        // Older providers wrote addresses inline in the pool.
        const inline = lookup(p, ['backend_address']);
        if (inline.state === 'known' && Array.isArray(inline.value))
            addAddresses(poolOf(p), inline.value.map((b) => (isObjectValue(b) ? b.ip_address : undefined)));
    }
    // Older providers: pools and NAT rules named in each IP configuration of the NIC.
    for (const nic of nics) {
        const configs = lookup(nic, ['ip_configuration']);
        if (configs.state !== 'known' || !Array.isArray(configs.value))
            continue;
        const self = { targets: [nic], external: [], unknown: [], computed: false };
        configs.value.forEach((_, i) => {
            const legacy = [
                { attribute: 'load_balancer_backend_address_pools_ids', s: specs.pool, of: poolOf, floating: anyPool },
                { attribute: 'load_balancer_inbound_nat_rules_ids', s: specs.nat, of: natOf, floating: anyNatRule },
            ];
            for (const { attribute, s, of, floating } of legacy) {
                if (lookup(nic, ['ip_configuration', i, attribute]).state === 'absent')
                    continue;
                into(link(nic, ['ip_configuration', i, attribute], s), of, (pool) => addNics(pool, self), floating);
            }
        });
    }
    const drafts = [];
    const vnetSpace = network.virtualNetworkSpace();
    /** A balancer's scheme from its frontends: internal when none is public. */
    const schemeOf = (res, attribute, indexes) => {
        const location = ctx.locate(res);
        const frontends = lookup(res, [attribute]);
        if (frontends.state === 'unknown')
            return [unknownSchemeLayer(res, `${describeAttribute(res, [attribute])} is not known until apply, so whether ${res.address} is internal is not known`, location)];
        const internal = indexes.length > 0 && indexes.every((i) => isPublicFrontend(res, attribute, i) === false);
        return internal ? [internalSchemeLayer(res, location, vnetSpace, { kind: 'resource', address: res.address, rule: 'a public frontend IP (public_ip_address_id)' })] : [];
    };
    // Public IPs by id, for the address family of a frontend.
    const publicIps = spec('azurerm_public_ip', indexBy(managed('azurerm_public_ip'), ['id'], true), 'public IP');
    /** An IPv4-only layer when every frontend is IPv4 (private_ip_address_version, or its public IP's ip_version). */
    const familyOf = (res, attribute, indexes, fixRule) => {
        const v6 = indexes.some((i) => {
            const version = lookup(res, [attribute, i, 'private_ip_address_version']);
            if (version.state === 'unknown' || (version.state === 'known' && version.value === 'IPv6'))
                return true;
            const ip = lookup(res, [attribute, i, 'public_ip_address_id']);
            if (ip.state === 'absent')
                return false;
            const l = link(res, [attribute, i, 'public_ip_address_id'], publicIps);
            // A public IP that cannot be resolved may be IPv6.
            if (l.targets.length === 0)
                return l.unknown.length > 0 || l.external.length > 0;
            return l.targets.some((t) => t.values.ip_version === 'IPv6' || lookup(t, ['ip_version']).state === 'unknown');
        });
        return v6 || indexes.length === 0 ? [] : [ipv4OnlyLayer(res, ctx.locate(res), { kind: 'resource', address: res.address, rule: fixRule })];
    };
    const frontendAddresses = (res, attribute) => {
        const l = lookup(res, [attribute]);
        if (l.state !== 'known' || !Array.isArray(l.value))
            return AddressSet.EMPTY;
        return cidrSet(l.value.map((f) => (isObjectValue(f) ? f.private_ip_address : undefined)).filter((v) => typeof v === 'string' && v !== '')).set;
    };
    // Load balancers: rules and NAT rules as listeners, pass-through.
    const listenersOf = new Map();
    const addListeners = (res, drafts) => {
        for (const lb of link(res, ['loadbalancer_id'], specs.lb).targets)
            listenersOf.set(lb.address, [...(listenersOf.get(lb.address) ?? []), ...drafts]);
    };
    const forwarding = (res) => {
        const protocolValue = singleValue(ctx, res, ['protocol']);
        const protocol = protocolValue.unknown ? 'all' : azureProtocol(protocolValue.value);
        const front = portAt(ctx, res, ['frontend_port']);
        const back = portAt(ctx, res, ['backend_port']);
        if (front.port === undefined || protocol === undefined)
            return undefined;
        // HA ports: every port to the same port, which the direct path already decides.
        if (front.port === 0)
            return undefined;
        return { port: front.port, targetPort: back.port, targetPortUnknown: back.unknown, protocol, unknown: protocolValue.unknown ? [protocolValue.unknown] : [] };
    };
    for (const rule of managed('azurerm_lb_rule')) {
        const f = forwarding(rule);
        if (!f)
            continue;
        const members = [];
        const unknown = [...f.unknown, ...anyPool, ...(f.targetPortUnknown ? [f.targetPortUnknown] : [])];
        for (const path of [['backend_address_pool_ids'], ['backend_address_pool_id']]) {
            const l = link(rule, path, specs.pool);
            unknown.push(...l.unknown);
            for (const p of l.targets) {
                const pool = poolState.get(p.address);
                members.push(...(pool?.members ?? []));
                unknown.push(...(pool?.unknown ?? []));
            }
        }
        const targetPort = f.targetPort ?? f.port;
        addListeners(rule, listenersByTargetPort({ port: f.port, protocol: f.protocol, location: ctx.locate(rule) }, members.map((res) => ({ res, port: targetPort })), unknown, targetPort));
    }
    for (const nat of natRules) {
        const f = forwarding(nat);
        if (!f)
            continue;
        const pool = natTargets.get(nat.address);
        const unknown = [...f.unknown, ...anyNatRule, ...(pool?.unknown ?? []), ...(f.targetPortUnknown ? [f.targetPortUnknown] : [])];
        const targetPort = f.targetPort ?? f.port;
        addListeners(nat, listenersByTargetPort({ port: f.port, protocol: f.protocol, location: ctx.locate(nat) }, (pool?.members ?? []).map((res) => ({ res, port: targetPort })), unknown, targetPort));
    }
    for (const lb of lbs) {
        const frontends = blocksByName(lb, 'frontend_ip_configuration');
        const location = ctx.locate(lb);
        drafts.push({
            res: lb,
            network: { ingress: [...schemeOf(lb, 'frontend_ip_configuration', [...frontends.values()].map((f) => f.index)), ...familyOf(lb, 'frontend_ip_configuration', [...frontends.values()].map((f) => f.index), 'an IPv6 frontend IP configuration')], egress: [], identities: [`lb:${lb.address}`], addresses: frontendAddresses(lb, 'frontend_ip_configuration'), addressesExact: false },
            listeners: listenersOf.get(lb.address) ?? [],
            preservesClientAddress: true,
            location,
            environmentTag: environmentTagOf(tagsOf(lb)),
        });
    }
    // Application gateways.
    const gatewayPools = new Map();
    for (const gw of gateways) {
        for (const [name, { block }] of blocksByName(gw, 'backend_address_pool'))
            if (typeof block.id === 'string')
                gatewayPools.set(block.id.toLowerCase(), { gateway: gw, name });
    }
    const gatewayMembers = new Map();
    const gatewayPool = (gw, name) => {
        const key = `${gw.address}\u0000${name}`;
        let p = gatewayMembers.get(key);
        if (!p)
            gatewayMembers.set(key, (p = { members: [], unknown: [] }));
        return p;
    };
    /** Reasons a pool of a gateway (undefined: of any gateway) gains members that are not known. */
    const gatewayUnknown = new Map();
    const gatewayUnknownOf = (gw) => {
        const list = gatewayUnknown.get(gw?.address) ?? [];
        gatewayUnknown.set(gw?.address, list);
        return list;
    };
    for (const a of managed('azurerm_network_interface_application_gateway_backend_address_pool_association')) {
        const nic = link(a, ['network_interface_id'], specs.nic);
        const id = lookup(a, ['backend_address_pool_id']);
        if (id.state === 'known' && typeof id.value === 'string') {
            const known = gatewayPools.get(id.value.toLowerCase());
            if (known)
                addNics(gatewayPool(known.gateway, known.name), nic);
            continue;
        }
        // The pool's id is known only after apply: the reference names the gateway, not which pool.
        const label = describeAttribute(a, ['backend_address_pool_id']);
        const source = ctx.resolver.attribute(a, ['backend_address_pool_id']);
        const named = source.kind === 'set' ? source.resolution.targets.map((t) => t.resource).filter((t) => t.type === GATEWAY && t.mode === 'managed') : [];
        if (named.length === 0) {
            gatewayUnknownOf(undefined).push(`${label} is not known until apply${source.kind === 'set' && source.resolution.unresolved.length > 0 ? ` and comes from ${source.resolution.unresolved.join(', ')}` : ''}`);
            continue;
        }
        for (const gw of new Set(named)) {
            const poolNames = [...blocksByName(gw, 'backend_address_pool').keys()];
            if (poolNames.length === 1)
                addNics(gatewayPool(gw, poolNames[0]), nic);
            else
                gatewayUnknownOf(gw).push(`${label} is not known until apply, and ${gw.address} has ${poolNames.length} backend pools: which one ${a.address} joins is not known`);
        }
    }
    for (const gw of gateways) {
        const location = ctx.locate(gw);
        const frontends = blocksByName(gw, 'frontend_ip_configuration');
        const ports = blocksByName(gw, 'frontend_port');
        const settings = blocksByName(gw, 'backend_http_settings');
        const poolBlocks = blocksByName(gw, 'backend_address_pool');
        const listeners = blocksByName(gw, 'http_listener');
        const pathMaps = blocksByName(gw, 'url_path_map');
        const floating = [...gatewayUnknownOf(undefined), ...gatewayUnknownOf(gw)];
        const poolMembers = (name) => {
            const out = { members: [], unknown: [...floating] };
            const entry = typeof name === 'string' ? poolBlocks.get(name) : undefined;
            if (!entry) {
                if (typeof name !== 'string')
                    out.unknown.push(`the backend pool of a routing rule of ${gw.address} is not known until apply`);
                return out;
            }
            const { block, index } = entry;
            const ips = Array.isArray(block.ip_addresses) ? block.ip_addresses : [];
            addAddresses(out, ips);
            const fqdns = Array.isArray(block.fqdns) ? block.fqdns.filter((f) => typeof f === 'string' && f !== '') : [];
            if (fqdns.length > 0)
                out.unknown.push(`backend pool ${name} of ${gw.address} names ${fqdns.join(', ')}, which topogate cannot resolve to servers`);
            for (const a of ['ip_addresses', 'fqdns'])
                if (lookup(gw, ['backend_address_pool', index, a]).state === 'unknown')
                    out.unknown.push(`${describeAttribute(gw, ['backend_address_pool', index, a])} is not known until apply`);
            const associated = gatewayMembers.get(`${gw.address}\u0000${name}`);
            if (associated) {
                out.members.push(...associated.members);
                out.unknown.push(...associated.unknown);
            }
            return out;
        };
        const settingsPort = (name) => {
            const entry = typeof name === 'string' ? settings.get(name) : undefined;
            if (!entry)
                return { unknown: `the backend HTTP settings of a routing rule of ${gw.address} are not known` };
            return portAt(ctx, gw, ['backend_http_settings', entry.index, 'port']);
        };
        const byScheme = new Map([['public', []], ['private', []]]);
        const rules = lookup(gw, ['request_routing_rule']);
        const ruleList = rules.state === 'known' && Array.isArray(rules.value) ? rules.value : [];
        ruleList.forEach((rule, i) => {
            if (!isObjectValue(rule))
                return;
            const listener = typeof rule.http_listener_name === 'string' ? listeners.get(rule.http_listener_name) : undefined;
            if (!listener)
                return;
            const portEntry = typeof listener.block.frontend_port_name === 'string' ? ports.get(listener.block.frontend_port_name) : undefined;
            const port = portEntry ? portAt(ctx, gw, ['frontend_port', portEntry.index, 'port']).port : undefined;
            if (port === undefined)
                return;
            const frontend = typeof listener.block.frontend_ip_configuration_name === 'string' ? frontends.get(listener.block.frontend_ip_configuration_name) : undefined;
            const scheme = frontend && isPublicFrontend(gw, 'frontend_ip_configuration', frontend.index) === false ? 'private' : 'public';
            // Where the rule sends requests: one pool and settings, or those of a URL path map.
            const targets = [];
            if (typeof rule.url_path_map_name === 'string') {
                const map = pathMaps.get(rule.url_path_map_name)?.block;
                if (map) {
                    if (map.default_backend_address_pool_name)
                        targets.push({ pool: map.default_backend_address_pool_name, settings: map.default_backend_http_settings_name });
                    for (const p of Array.isArray(map.path_rule) ? map.path_rule : [])
                        if (isObjectValue(p) && p.backend_address_pool_name)
                            targets.push({ pool: p.backend_address_pool_name, settings: p.backend_http_settings_name });
                }
            }
            else if (rule.backend_address_pool_name !== null && rule.backend_address_pool_name !== undefined) {
                targets.push({ pool: rule.backend_address_pool_name, settings: rule.backend_http_settings_name });
            }
            else if (lookup(gw, ['request_routing_rule', i, 'backend_address_pool_name']).state === 'unknown') {
                targets.push({ pool: undefined, settings: rule.backend_http_settings_name });
            }
            const members = [];
            const unknown = [];
            for (const t of targets) {
                const pool = poolMembers(t.pool);
                const sp = settingsPort(t.settings);
                unknown.push(...pool.unknown);
                if (sp.port === undefined) {
                    if (pool.members.length > 0 || pool.unknown.length > 0)
                        unknown.push(sp.unknown ?? `the port of backend HTTP settings ${String(t.settings)} of ${gw.address} is not known`);
                    continue;
                }
                members.push(...pool.members.map((res) => ({ res, port: sp.port })));
            }
            byScheme.get(scheme).push(...listenersByTargetPort({ port, protocol: 'tcp', location }, members, unknown, port));
        });
        const base = network.subnetNetwork(gw, ['gateway_ip_configuration', 0, 'subnet_id']);
        const publicFrontends = [...frontends.values()].filter((f) => isPublicFrontend(gw, 'frontend_ip_configuration', f.index) !== false);
        const make = (listenersOfScheme, internal, name) => ({
            res: gw,
            name,
            network: {
                ...base,
                ingress: [
                    ...(internal ? [internalSchemeLayer(gw, location, vnetSpace, { kind: 'resource', address: gw.address, rule: 'a listener on a public frontend IP' })] : []),
                    ...familyOf(gw, 'frontend_ip_configuration', [...frontends.values()].map((f) => f.index), 'an IPv6 frontend IP configuration'),
                    ...base.ingress,
                ],
                identities: [`lb:${name ?? gw.address}`, ...base.identities],
            },
            listeners: listenersOfScheme,
            preservesClientAddress: false,
            location,
            environmentTag: environmentTagOf(tagsOf(gw)),
        });
        const pub = byScheme.get('public');
        const priv = byScheme.get('private');
        if (pub.length > 0 && priv.length > 0) {
            drafts.push(make(pub, false), make(priv, true, `${gw.address} (private frontend)`));
        }
        else {
            drafts.push(make([...pub, ...priv], pub.length === 0 && (priv.length > 0 || publicFrontends.length === 0)));
        }
    }
    return drafts;
}

;// CONCATENATED MODULE: ./src/core/terraform/gcp-balancers.ts




/**
 * Google Cloud load balancers after apply: a forwarding rule (regional or global) is a
 * listener; it sends to a target proxy (HTTP(S), gRPC: through a URL map; TCP, SSL: straight)
 * and on to backend services, or straight to a backend service, a target pool or a target
 * instance. Backend services hold instance groups (unmanaged ones list their instances;
 * managed ones launch the servers of their instance template) and zonal network endpoint
 * groups (their endpoints' instances and ports).
 *
 * - Proxies terminate the connection and reach the backends from their own addresses: Google
 *   Front Ends (classic and global external load balancers) from Google's published ranges
 *   35.191.0.0/16 and 130.211.0.0/22; Envoy-based ones (regional, and internal managed) from the
 *   proxy-only subnet of their network and region. The backends' firewall must admit all of
 *   those addresses, on the port the backend service names (`port_name`, a named port of each
 *   instance group; `http` by default).
 * - Passthrough Network Load Balancers (a forwarding rule with a `backend_service`, a target
 *   pool or a target instance) keep the client's address: the backends' firewall sees the
 *   clients, on the forwarding rule's own port.
 * - INTERNAL and INTERNAL_MANAGED forwarding rules are not reachable from the internet.
 *
 * A balancer is named after what its forwarding rules send to (the URL map, the backend
 * service, the target pool), as the console names it; each forwarding rule port is a listener.
 */
const GFE_RANGES = AddressSet.of('35.191.0.0/16', '130.211.0.0/22');
const FORWARDING_RULE_TYPES = ['google_compute_forwarding_rule', 'google_compute_global_forwarding_rule'];
const URL_MAP_PROXIES = ['google_compute_target_http_proxy', 'google_compute_target_https_proxy', 'google_compute_target_grpc_proxy', 'google_compute_region_target_http_proxy', 'google_compute_region_target_https_proxy'];
const SERVICE_PROXIES = ['google_compute_target_tcp_proxy', 'google_compute_target_ssl_proxy', 'google_compute_region_target_tcp_proxy'];
const URL_MAPS = ['google_compute_url_map', 'google_compute_region_url_map'];
const BACKEND_SERVICES = ['google_compute_backend_service', 'google_compute_region_backend_service'];
const TARGET_POOL = 'google_compute_target_pool';
const TARGET_INSTANCE = 'google_compute_target_instance';
const gcp_balancers_INSTANCE = 'google_compute_instance';
const TEMPLATES = ['google_compute_instance_template', 'google_compute_region_instance_template'];
const UNMANAGED_GROUP = 'google_compute_instance_group';
const MANAGED_GROUPS = ['google_compute_instance_group_manager', 'google_compute_region_instance_group_manager'];
const NEGS = ['google_compute_network_endpoint_group', 'google_compute_region_network_endpoint_group', 'google_compute_global_network_endpoint_group'];
const PROXY_SUBNET_PURPOSES = {
    regional: new Set(['REGIONAL_MANAGED_PROXY', 'INTERNAL_HTTPS_LOAD_BALANCER']),
    global: new Set(['GLOBAL_MANAGED_PROXY']),
};
/** `https://www.googleapis.com/compute/v1/projects/p/zones/z/instances/x` -> `projects/p/zones/z/instances/x`. */
function selfLinkPath(v) {
    return v.replace(/^https:\/\/[^/]+\/compute\/(?:v1|beta|alpha)\//, '').replace(/^\/+/, '');
}
function gcp_balancers_lastSegment(v) {
    return v.split('/').filter((x) => x !== '').pop() ?? v;
}
/** Indexes resources by their self link, id, name, and the given attributes, in the forms configurations write them. */
function index(resources, attributes = ['self_link', 'id', 'name']) {
    const map = new Map();
    for (const r of resources) {
        for (const a of attributes) {
            const v = r.values[a];
            if (typeof v !== 'string' || v === '')
                continue;
            map.set(v, r);
            map.set(selfLinkPath(v), r);
        }
    }
    return map;
}
function forwardingProtocol(v) {
    switch (typeof v === 'string' ? v.toUpperCase() : 'TCP') {
        case 'TCP':
            return 'tcp';
        case 'UDP':
            return 'udp';
        case 'L3_DEFAULT':
            return 'all';
        default:
            return undefined;
    }
}
function buildGcpBalancers(ctx, network, servers) {
    const managed = (types) => types.flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed');
    const spec = (types, byId, what) => ({ types: new Set(types), byId, what, normalize: selfLinkPath });
    const instances = managed([gcp_balancers_INSTANCE]);
    const specs = {
        urlMapProxy: spec(URL_MAP_PROXIES, index(managed(URL_MAP_PROXIES)), 'target proxy'),
        serviceProxy: spec(SERVICE_PROXIES, index(managed(SERVICE_PROXIES)), 'target proxy'),
        urlMap: spec(URL_MAPS, index(managed(URL_MAPS)), 'URL map'),
        service: spec(BACKEND_SERVICES, index(managed(BACKEND_SERVICES)), 'backend service'),
        pool: spec([TARGET_POOL], index(managed([TARGET_POOL])), 'target pool'),
        targetInstance: spec([TARGET_INSTANCE], index(managed([TARGET_INSTANCE])), 'target instance'),
        instance: spec([gcp_balancers_INSTANCE], index(instances), 'instance'),
        template: spec(TEMPLATES, index(managed(TEMPLATES), ['self_link', 'id', 'name', 'self_link_unique']), 'instance template'),
        group: spec([UNMANAGED_GROUP, ...MANAGED_GROUPS, ...NEGS], index(managed([UNMANAGED_GROUP, ...MANAGED_GROUPS, ...NEGS]), ['self_link', 'id', 'instance_group']), 'instance group'),
        neg: spec(NEGS, index(managed(NEGS)), 'network endpoint group'),
    };
    // Target pools name instances as `zone/name` or by self link: both end in the name.
    const instanceByZoneName = new Map();
    for (const i of instances) {
        const name = i.values.name;
        const zone = i.values.zone;
        if (typeof name === 'string' && typeof zone === 'string')
            instanceByZoneName.set(`${gcp_balancers_lastSegment(zone)}/${name}`, i);
    }
    const subnetworks = managed(['google_compute_subnetwork']);
    const subnetworkSpec = spec(['google_compute_subnetwork'], index(subnetworks), 'subnetwork');
    const poolInstanceSpec = { ...specs.instance, byId: new Map([...specs.instance.byId, ...instanceByZoneName]) };
    const link = (res, path, s) => linkedResources(ctx, res, path, s);
    const servers_ = (links) => links.targets.filter((t) => servers.isServer(t));
    // Network endpoints of zonal NEGs: the instance and port of each.
    const endpoints = new Map();
    const endpointUnknown = new Map();
    const addEndpoint = (neg, owner, base) => {
        const inst = link(owner, [...base, 'instance'], specs.instance);
        const port = singleValue(ctx, owner, [...base, 'port'], { computedDefault: [] });
        const list = endpoints.get(neg.address) ?? [];
        for (const t of servers_(inst))
            list.push({ res: t, port: typeof port.value === 'number' ? port.value : undefined });
        endpoints.set(neg.address, list);
        const unknown = [...inst.unknown, ...(port.unknown ? [port.unknown] : [])];
        if (unknown.length > 0)
            endpointUnknown.set(neg.address, [...(endpointUnknown.get(neg.address) ?? []), ...unknown]);
    };
    for (const e of managed(['google_compute_network_endpoint']))
        for (const neg of link(e, ['network_endpoint_group'], specs.neg).targets)
            addEndpoint(neg, e, []);
    for (const e of managed(['google_compute_network_endpoints'])) {
        const list = lookup(e, ['network_endpoints']);
        const negs = link(e, ['network_endpoint_group'], specs.neg).targets;
        if (list.state === 'known' && Array.isArray(list.value))
            list.value.forEach((_, i) => negs.forEach((neg) => addEndpoint(neg, e, ['network_endpoints', i])));
    }
    /** The servers an instance group, managed group or NEG holds, with their named ports (or endpoint ports). */
    const groupMembers = (group) => {
        const namedPorts = new Map();
        const named = lookup(group, ['named_port']);
        if (named.state === 'known' && Array.isArray(named.value))
            for (const n of named.value)
                if (isObjectValue(n) && typeof n.name === 'string' && typeof n.port === 'number')
                    namedPorts.set(n.name, n.port);
        const unknown = named.state === 'unknown' ? [`${describeAttribute(group, ['named_port'])} is not known until apply`] : [];
        if (group.type === UNMANAGED_GROUP) {
            const l = link(group, ['instances'], specs.instance);
            return { members: servers_(l), namedPorts, unknown: [...unknown, ...l.unknown] };
        }
        if (MANAGED_GROUPS.includes(group.type)) {
            const members = [];
            const versions = lookup(group, ['version']);
            const paths = [['instance_template']];
            if (versions.state === 'known' && Array.isArray(versions.value))
                versions.value.forEach((_, i) => paths.push(['version', i, 'instance_template']));
            for (const p of paths) {
                const l = link(group, p, specs.template);
                for (const t of servers_(l))
                    if (!members.includes(t))
                        members.push(t);
                unknown.push(...l.unknown);
            }
            return { members, namedPorts, unknown };
        }
        // A network endpoint group: serverless and internet NEGs hold no servers.
        const type = singleValue(ctx, group, ['network_endpoint_type'], { computedDefault: ['GCE_VM_IP_PORT'] });
        if (type.unknown)
            return { members: [], namedPorts, unknown: [type.unknown] };
        if (type.value !== 'GCE_VM_IP_PORT' && type.value !== 'GCE_VM_IP')
            return { members: [], namedPorts, unknown: [] };
        const defaultPort = typeof group.values.default_port === 'number' ? group.values.default_port : undefined;
        const list = endpoints.get(group.address) ?? [];
        return { members: list.map((e) => e.res), namedPorts, endpointPorts: type.value === 'GCE_VM_IP' ? undefined : list, defaultPort, unknown: endpointUnknown.get(group.address) ?? [] };
    };
    /** The targets of a backend service: for a proxy, on the named port (or endpoint port); for a passthrough, on the listener's port. */
    const serviceTargets = new Map();
    const backendOf = (service) => {
        const cached = serviceTargets.get(service.address);
        if (cached)
            return cached;
        const out = { res: service, targets: [], unknown: [] };
        const portName = singleValue(ctx, service, ['port_name'], { computedDefault: ['http'] });
        const backends = lookup(service, ['backend']);
        if (backends.state === 'unknown')
            out.unknown.push(`${describeAttribute(service, ['backend'])} is not known until apply`);
        const list = backends.state === 'known' && Array.isArray(backends.value) ? backends.value : [];
        list.forEach((_, i) => {
            const groups = link(service, ['backend', i, 'group'], specs.group);
            out.unknown.push(...groups.unknown);
            for (const g of groups.targets) {
                const m = groupMembers(g);
                out.unknown.push(...m.unknown);
                if (m.endpointPorts) {
                    for (const e of m.endpointPorts) {
                        const port = e.port ?? m.defaultPort;
                        if (port === undefined)
                            out.unknown.push(`the port of an endpoint of ${g.address} is not known`);
                        else
                            out.targets.push({ res: e.res, port });
                    }
                    continue;
                }
                if (portName.unknown) {
                    if (m.members.length > 0)
                        out.unknown.push(portName.unknown);
                    continue;
                }
                const name = typeof portName.value === 'string' ? portName.value : 'http';
                const port = m.namedPorts.get(name);
                for (const res of m.members)
                    out.targets.push({ res, port, portName: port === undefined ? `${g.address} has no named port "${name}" (the port_name of ${service.address})` : undefined });
            }
        });
        serviceTargets.set(service.address, out);
        return out;
    };
    /** The backend services a URL map sends to: default, path matchers, path rules, route rules and weighted services. */
    const servicesOfUrlMap = (map) => {
        const services = [];
        const unknown = [];
        const add = (path) => {
            if (lookup(map, path).state === 'absent')
                return;
            const l = link(map, path, specs.service);
            for (const s of l.targets)
                if (!services.includes(s))
                    services.push(s);
            unknown.push(...l.unknown);
        };
        const each = (path, fn) => {
            const l = lookup(map, path);
            if (l.state === 'known' && Array.isArray(l.value))
                l.value.forEach((_, i) => fn(i));
            else if (l.state === 'unknown')
                unknown.push(`${describeAttribute(map, path)} is not known until apply`);
        };
        const weighted = (base) => each([...base, 'route_action'], (r) => each([...base, 'route_action', r, 'weighted_backend_services'], (w) => add([...base, 'route_action', r, 'weighted_backend_services', w, 'backend_service'])));
        add(['default_service']);
        weighted(['default']);
        each(['default_route_action'], (r) => each(['default_route_action', r, 'weighted_backend_services'], (w) => add(['default_route_action', r, 'weighted_backend_services', w, 'backend_service'])));
        each(['path_matcher'], (i) => {
            add(['path_matcher', i, 'default_service']);
            each(['path_matcher', i, 'default_route_action'], (r) => each(['path_matcher', i, 'default_route_action', r, 'weighted_backend_services'], (w) => add(['path_matcher', i, 'default_route_action', r, 'weighted_backend_services', w, 'backend_service'])));
            each(['path_matcher', i, 'path_rule'], (j) => {
                add(['path_matcher', i, 'path_rule', j, 'service']);
                weighted(['path_matcher', i, 'path_rule', j]);
            });
            each(['path_matcher', i, 'route_rules'], (j) => {
                add(['path_matcher', i, 'route_rules', j, 'service']);
                weighted(['path_matcher', i, 'route_rules', j]);
            });
        });
        return { services, unknown };
    };
    // Ranges of the plan's subnetworks: an internal forwarding rule stays reachable from them.
    let subnetRanges;
    const networkRanges = () => {
        if (subnetRanges)
            return subnetRanges;
        const values = [];
        for (const s of subnetworks) {
            values.push(s.values.ip_cidr_range);
            const secondary = s.values.secondary_ip_range;
            if (Array.isArray(secondary))
                for (const r of secondary)
                    if (isObjectValue(r))
                        values.push(r.ip_cidr_range);
        }
        return (subnetRanges = cidrSet(values.filter((v) => typeof v === 'string')).set);
    };
    /** The proxy-only subnet an Envoy-based balancer's proxies use, in the forwarding rule's network (and region). */
    const proxySubnets = (rule, scope) => {
        let net = network.networkKey(rule, ['network']);
        if (net.key === undefined) {
            const sub = link(rule, ['subnetwork'], subnetworkSpec);
            if (sub.targets.length > 0)
                net = network.networkKey(sub.targets[0], ['network']);
        }
        if (net.key === undefined)
            return { unknown: `the network of ${rule.address} is not known${net.unknown.length > 0 ? `: ${net.unknown.join('; ')}` : ''}, so neither is its proxy-only subnet` };
        const region = scope === 'regional' ? regionOf(ctx, rule) : undefined;
        let set = AddressSet.EMPTY;
        for (const s of subnetworks) {
            const purpose = singleValue(ctx, s, ['purpose'], { computedDefault: ['PRIVATE'] });
            if (typeof purpose.value !== 'string' || !PROXY_SUBNET_PURPOSES[scope].has(purpose.value))
                continue;
            if (network.networkKey(s, ['network']).key !== net.key)
                continue;
            if (region !== undefined && regionOf(ctx, s) !== region)
                continue;
            set = set.union(cidrSet(attributeValues(ctx, s, ['ip_cidr_range']).values).set);
        }
        if (set.isEmpty())
            return { unknown: `the proxy-only subnet (purpose ${[...PROXY_SUBNET_PURPOSES[scope]][0]}) of ${net.key}${region ? ` in ${region}` : ''} is not in this plan, so the addresses ${rule.address}'s proxies reach the backends from are not known` };
        return { addresses: set };
    };
    const addresses = spec(['google_compute_address', 'google_compute_global_address'], index(managed(['google_compute_address', 'google_compute_global_address']), ['self_link', 'id', 'name', 'address']), 'address');
    /** A forwarding rule is IPv4 unless its ip_version, its address or the address resource it names says IPv6. */
    const mayTakeIpv6 = (rule) => {
        const version = singleValue(ctx, rule, ['ip_version'], { computedDefault: [] });
        if (version.unknown || version.value === 'IPV6')
            return true;
        const ip = lookup(rule, ['ip_address']);
        if (ip.state === 'known') {
            if (typeof ip.value === 'string' && ip.value.includes(':') && !ip.value.includes('/'))
                return true;
            if (typeof ip.value === 'string' && !ip.value.includes('/'))
                return false;
        }
        if (ip.state === 'absent')
            return false;
        const named = link(rule, ['ip_address'], addresses);
        if (named.unknown.length > 0)
            return true;
        return named.targets.some((a) => a.values.ip_version === 'IPV6' || (typeof a.values.address === 'string' && a.values.address.includes(':')));
    };
    const groups = new Map();
    const groupFor = (res, mode, internal, rule) => {
        const key = `${res.address}|${mode.kind}|${internal}`;
        let g = groups.get(key);
        if (!g) {
            g = { key, res, mode, internal, listeners: [], labels: knownMap(rule, ['labels']), ipv6: false };
            if (mode.kind === 'gfe')
                g.addresses = GFE_RANGES;
            if (mode.kind === 'envoy') {
                const p = proxySubnets(rule, mode.scope);
                g.addresses = p.addresses;
                g.addressesUnknown = p.unknown;
            }
            groups.set(key, g);
        }
        return g;
    };
    for (const rule of managed(FORWARDING_RULE_TYPES)) {
        const global = rule.type === 'google_compute_global_forwarding_rule';
        const where = ctx.locate(rule);
        const schemeValue = singleValue(ctx, rule, ['load_balancing_scheme'], { computedDefault: ['EXTERNAL'] });
        const scheme = typeof schemeValue.value === 'string' ? schemeValue.value : 'EXTERNAL';
        // Traffic Director (INTERNAL_SELF_MANAGED) is a service mesh, not a balancer in front of servers.
        if (!schemeValue.unknown && scheme === 'INTERNAL_SELF_MANAGED')
            continue;
        const internal = scheme === 'INTERNAL' || scheme === 'INTERNAL_MANAGED';
        const protocolValue = singleValue(ctx, rule, ['ip_protocol'], { computedDefault: ['TCP'] });
        const protocol = protocolValue.unknown ? 'all' : forwardingProtocol(protocolValue.value);
        if (protocol === undefined)
            continue;
        const unknown = [...(schemeValue.unknown ? [schemeValue.unknown] : []), ...(protocolValue.unknown ? [protocolValue.unknown] : [])];
        // Where it sends: a backend service (passthrough), or a target.
        let mode;
        let owner;
        let services = [];
        let direct = [];
        const viaService = link(rule, ['backend_service'], specs.service);
        if (viaService.targets.length > 0 || viaService.unknown.length > 0) {
            mode = { kind: 'passthrough' };
            owner = viaService.targets[0];
            services = viaService.targets;
            unknown.push(...viaService.unknown);
        }
        else {
            const toUrlMapProxy = link(rule, ['target'], specs.urlMapProxy);
            const toServiceProxy = link(rule, ['target'], specs.serviceProxy);
            const toPool = link(rule, ['target'], specs.pool);
            const toInstance = link(rule, ['target'], specs.targetInstance);
            const proxy = toUrlMapProxy.targets[0] ?? toServiceProxy.targets[0];
            if (proxy) {
                mode = scheme === 'EXTERNAL' || (scheme === 'EXTERNAL_MANAGED' && global) ? { kind: 'gfe' } : { kind: 'envoy', scope: global ? 'global' : 'regional' };
                if (toUrlMapProxy.targets.length > 0) {
                    const maps = link(proxy, ['url_map'], specs.urlMap);
                    unknown.push(...maps.unknown);
                    owner = maps.targets[0];
                    for (const m of maps.targets) {
                        const s = servicesOfUrlMap(m);
                        services.push(...s.services);
                        unknown.push(...s.unknown);
                    }
                }
                else {
                    const s = link(proxy, ['backend_service'], specs.service);
                    unknown.push(...s.unknown);
                    owner = s.targets[0];
                    services = s.targets;
                }
                owner ??= proxy;
            }
            else if (toPool.targets.length > 0) {
                mode = { kind: 'passthrough' };
                owner = toPool.targets[0];
                const l = link(owner, ['instances'], poolInstanceSpec);
                direct = servers_(l);
                unknown.push(...l.unknown);
            }
            else if (toInstance.targets.length > 0) {
                mode = { kind: 'passthrough' };
                owner = toInstance.targets[0];
                const l = link(owner, ['instance'], specs.instance);
                direct = servers_(l);
                unknown.push(...l.unknown);
            }
            else {
                const all = [toUrlMapProxy, toServiceProxy, toPool, toInstance];
                const reasons = all.flatMap((l) => l.unknown);
                // A target outside this plan (or none): what it forwards to is not known.
                const external = all.flatMap((l) => l.external);
                if (reasons.length === 0 && external.length === 0)
                    continue;
                mode = { kind: 'passthrough' };
                unknown.push(...(reasons.length > 0 ? [reasons[0]] : [`the target of ${rule.address} (${external[0]}) is not in this plan`]));
            }
        }
        const group = groupFor(owner ?? rule, mode, internal, rule);
        if (mayTakeIpv6(rule))
            group.ipv6 = true;
        // Every port, or a wide range, is a passthrough forwarding rule: it adds nothing to the direct path.
        const ports = forwardingPorts(ctx, rule);
        if (!ports || portCount(ports) > MAX_LISTENER_PORTS)
            continue;
        for (const port of ports.toRanges().flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i))) {
            const members = [];
            const reasons = [...unknown];
            for (const res of direct)
                members.push({ res, port });
            for (const s of services) {
                const b = backendOf(s);
                reasons.push(...b.unknown);
                for (const t of b.targets) {
                    // A passthrough balancer does not change the port; a proxy uses the backend's.
                    if (mode.kind === 'passthrough')
                        members.push({ res: t.res, port });
                    else if (t.port !== undefined)
                        members.push({ res: t.res, port: t.port });
                    else
                        reasons.push(t.portName ?? `the port ${s.address} reaches ${t.res.address} on is not known`);
                }
            }
            group.listeners.push(...listenersByTargetPort({ port, protocol, location: where }, members, reasons, port));
        }
    }
    return [...groups.values()].map((g) => {
        const location = ctx.locate(g.res);
        const ingress = g.internal ? [internalSchemeLayer(g.res, location, networkRanges(), { kind: 'resource', address: g.res.address, rule: 'an external forwarding rule (load_balancing_scheme EXTERNAL_MANAGED)' })] : [];
        if (!g.ipv6)
            ingress.push(ipv4OnlyLayer(g.res, location, { kind: 'resource', address: g.res.address, rule: 'an IPv6 forwarding rule (ip_version = "IPV6")' }));
        // The proxies' addresses, when not known, stand as an unknown filter on their way to the backends.
        const egress = g.addressesUnknown ? [unknownLayer(`proxies of ${g.res.address}`, g.addressesUnknown, location)] : [];
        return {
            res: g.res,
            network: { ingress, egress, identities: [`lb:${g.res.address}`], addresses: g.addresses ?? AddressSet.EMPTY, addressesExact: g.addresses !== undefined },
            listeners: g.listeners,
            preservesClientAddress: g.mode.kind === 'passthrough',
            location,
            environmentTag: environmentTagOf(g.labels),
        };
    });
}
function portCount(ports) {
    return ports.toRanges().reduce((n, [a, b]) => n + b - a + 1, 0);
}
/** The region of a regional resource: its `region`, else its provider's. */
function regionOf(ctx, res) {
    const v = singleValue(ctx, res, ['region'], { computedDefault: [] });
    if (typeof v.value === 'string' && v.value !== '')
        return gcp_balancers_lastSegment(v.value);
    const zone = res.values.zone;
    if (typeof zone === 'string')
        return gcpRegionOfZone(zone);
    return ctx.resolver.providerArgument(res, 'region', 'google');
}
/** The ports of a forwarding rule: `ports`, `port_range`, or every port (`all_ports`, or neither set). */
function forwardingPorts(ctx, rule) {
    if (rule.values.all_ports === true)
        return undefined;
    const list = attributeValues(ctx, rule, ['ports'], { computedDefault: [] });
    if (list.unknown.length === 0 && list.values.length > 0) {
        let set;
        for (const v of list.values) {
            const p = portRange(v);
            if (!p)
                return undefined;
            set = set ? set.union(p) : p;
        }
        return set;
    }
    const range = singleValue(ctx, rule, ['port_range'], { computedDefault: [] });
    if (range.unknown || range.value === undefined || range.value === '')
        return undefined;
    return portRange(range.value);
}

;// CONCATENATED MODULE: ./src/core/terraform/plan-balancers.ts






/** Resource types that make a plan worth a look for balancers: the cheap test before any module runs. */
const plan_balancers_BALANCER_TYPES = {
    aws: ['aws_lb', 'aws_alb', 'aws_elb'],
    azure: ['azurerm_lb', 'azurerm_application_gateway'],
    gcp: ['google_compute_forwarding_rule', 'google_compute_global_forwarding_rule'],
};
function planBalancers(ctx, builders, servers) {
    const has = (types) => types.some((t) => ctx.ofType(t).some((r) => r.mode === 'managed'));
    return [
        ...(has(plan_balancers_BALANCER_TYPES.aws) ? buildAwsBalancers(ctx, builders.aws(), servers) : []),
        ...(has(plan_balancers_BALANCER_TYPES.azure) ? buildAzureBalancers(ctx, builders.azure(), servers) : []),
        ...(has(plan_balancers_BALANCER_TYPES.gcp) ? buildGcpBalancers(ctx, builders.gcp(), servers) : []),
    ];
}
/** A port number from a plan value: 443, "443". */
function portNumber(v) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,5}\s*$/.test(v) ? Number(v) : undefined;
    return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 65535 ? n : undefined;
}
/** One value of an attribute after apply, followed through configuration; or why it is not known. */
function singleValue(ctx, res, path, options = {}) {
    const v = attributeValues(ctx, res, path, options);
    if (v.unknown.length > 0)
        return { unknown: v.unknown.join('; '), absent: false };
    const distinct = [...new Set(v.values.map((x) => (typeof x === 'object' ? JSON.stringify(x) : x)))];
    if (distinct.length > 1)
        return { unknown: `${describeAttribute(res, path)} may be any of ${distinct.map(String).join(', ')}`, absent: false };
    return { value: v.values[0], absent: v.absent && v.values.length === 0 };
}
/** A port attribute after apply: its number, or why it is not known. */
function portAt(ctx, res, path, options = {}) {
    const v = singleValue(ctx, res, path, options);
    if (v.unknown)
        return { unknown: v.unknown };
    if (v.absent)
        return {};
    const port = portNumber(v.value);
    return port === undefined ? { unknown: `${describeAttribute(res, path)} is "${String(v.value)}", not a port` } : { port };
}
/** Ports of a small range are listed one by one; a wider one is left to the direct path (see `portRange`). */
const MAX_LISTENER_PORTS = 16;
/** `443`, `"443"`, `"8080-8090"`: the ports, or undefined when not a port or range. */
function portRange(v) {
    if (typeof v === 'number')
        return portNumber(v) === undefined ? undefined : PortSet.of(v);
    if (typeof v !== 'string')
        return undefined;
    const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(v);
    if (!m)
        return undefined;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    return a <= b && b <= 65535 ? PortSet.range(a, b) : undefined;
}
/**
 * An internal balancer has only private addresses: clients on the internet cannot reach it,
 * whatever its filters allow. Public ranges a network of the plan uses as its own stay
 * reachable (they are inside the network).
 */
function internalSchemeLayer(res, location, networkRanges, fix) {
    const outside = INTERNET.subtract(networkRanges);
    return {
        name: `internal scheme of ${res.address}`,
        rules: [
            {
                action: 'deny',
                priority: 0,
                protocol: 'all',
                ports: PortSet.ALL,
                peer: { addresses: outside, identities: [], label: 'the internet' },
                origin: { label: `${res.address} is internal: only networks connected to it reach it, not the internet`, location },
            },
        ],
        defaultAction: 'allow',
        fix,
        fixLocation: location,
    };
}
/** A balancer with only IPv4 frontends: IPv6 clients cannot connect to it, whatever its filters allow. */
function ipv4OnlyLayer(res, location, fix) {
    return {
        name: `address family of ${res.address}`,
        rules: [
            {
                action: 'deny',
                priority: 0,
                protocol: 'all',
                ports: PortSet.ALL,
                peer: { addresses: AddressSet.ALL_V6, identities: [], label: 'IPv6' },
                origin: { label: `${res.address} has only IPv4 frontends: IPv6 clients cannot connect to it`, location },
            },
        ],
        defaultAction: 'allow',
        fix,
        fixLocation: location,
    };
}
/** The layer of a balancer whose scheme (internal or internet-facing) is not known until apply. */
function unknownSchemeLayer(res, reason, location) {
    return { name: `scheme of ${res.address}`, rules: [], defaultAction: 'deny', unknown: reason, fixLocation: location };
}
/** The `topogate-environment` tag of a balancer. */
function environmentTagOf(tags) {
    const v = Object.entries(tags).find(([k]) => k.toLowerCase() === 'topogate-environment')?.[1]?.trim();
    return v !== undefined && v !== '' ? v : undefined;
}
/** Groups `(target, target port)` pairs into one listener draft per target port. */
function listenersByTargetPort(base, members, unknown, fallbackTargetPort) {
    const byPort = new Map();
    for (const m of members) {
        const key = `${m.port}|${String(m.preserves)}`;
        let entry = byPort.get(key);
        if (!entry)
            byPort.set(key, (entry = { port: m.port, preserves: m.preserves, targets: [], seen: new Set() }));
        if (!entry.seen.has(m.res.address)) {
            entry.seen.add(m.res.address);
            entry.targets.push(m.res);
        }
    }
    const out = [...byPort.values()].map((e) => ({ ...base, targetPort: e.port, targets: e.targets, ...(e.preserves !== undefined ? { preservesClientAddress: e.preserves } : {}) }));
    if (unknown.length > 0)
        out.push({ ...base, targetPort: fallbackTargetPort, targets: [], targetsUnknown: [...new Set(unknown)].join('; ') });
    if (out.length === 0)
        out.push({ ...base, targetPort: fallbackTargetPort, targets: [] });
    return out;
}

;// CONCATENATED MODULE: ./src/core/terraform/plan-environments.ts








/**
 * Plans and topologies to environments. A plan resource belongs to the environment its
 * `topogate-environment` tag names, else to the topology environment whose `select`
 * matches it, else to the one environment that lists the plan, else to `default`. A
 * topology environment keeps its clients and servers and gains the plan's servers; one
 * that only a plan names gets the packs' default clients. A resource whose environment tag
 * (or whether it is a server at all) is not known until apply is a possible server
 * (`Environment.possibleServers`) of each environment of its plan it may belong to.
 */
const DEFAULT_ENVIRONMENT = 'default';
/** Joins a topology's folder and a path it writes, posix style; `..` stays only where it leaves the base. */
function resolvePlanPath(topologyPath, written) {
    const slash = topologyPath.lastIndexOf('/');
    const base = slash < 0 ? [] : topologyPath.slice(0, slash).split('/');
    const parts = written.startsWith('/') ? [] : [...base];
    for (const seg of written.replace(/\\/g, '/').split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..' && parts.length > 0 && parts[parts.length - 1] !== '..')
            parts.pop();
        else
            parts.push(seg);
    }
    return (written.startsWith('/') ? '/' : '') + parts.join('/');
}
function topologyPlanLinks(files) {
    const links = [];
    for (const f of files) {
        for (const env of f.environments) {
            (env.raw.terraform?.plans ?? []).forEach((written, i) => {
                links.push({ environment: env.raw.name, written, path: resolvePlanPath(f.file, written), location: f.doc.at([...env.path, 'terraform', 'plans', i]) });
            });
        }
    }
    return links;
}
/** Everything the core needs about one plan to place findings and resolve references. */
function buildPlanContext(doc, scan) {
    const state = buildPlanState(doc);
    const config = buildConfigIndex(state);
    const resolver = new ReferenceResolver(state, config);
    const planKeys = new Map();
    const byType = new Map();
    for (const r of state.resources) {
        const keys = planKeys.get(r.modulePath);
        if (keys)
            keys.push(r.localKey);
        else
            planKeys.set(r.modulePath, [r.localKey]);
        const list = byType.get(r.type);
        if (list)
            list.push(r);
        else
            byType.set(r.type, [r]);
    }
    const locator = new DeclarationLocator(scan, config, doc.file, planKeys);
    // Where no `.tf` declares a resource: its first entry in the plan file.
    const inPlan = (res) => {
        const found = doc.locateAddress(res.address);
        if (found)
            return found;
        const path = state.entryPath(res.address);
        return path ? doc.at(path) : { file: doc.file, line: 1, column: 1 };
    };
    const declarations = new Map();
    const declaration = (res) => {
        if (!declarations.has(res.configAddress))
            declarations.set(res.configAddress, locator.declaration(res.modulePath, res.localKey));
        return declarations.get(res.configAddress);
    };
    const declared = new Map();
    // Per resource: a group is located for itself and for each of its rules.
    const located = new Map();
    return {
        state,
        config,
        resolver,
        locator,
        declaration,
        locate(res) {
            let loc = located.get(res);
            if (!loc) {
                if (!declared.has(res.configAddress))
                    declared.set(res.configAddress, locator.locate(res.modulePath, res.localKey));
                loc = declared.get(res.configAddress) ?? inPlan(res);
                located.set(res, loc);
            }
            return loc;
        },
        ofType: (type) => byType.get(type) ?? [],
    };
}
function selectorMatches(sel, c) {
    if (sel.type !== undefined && sel.type !== c.res.type)
        return false;
    if (sel.address !== undefined) {
        const a = sel.address;
        const ok = a.endsWith('*') ? c.res.address.startsWith(a.slice(0, -1)) : c.res.address === a || c.res.configAddress === a;
        if (!ok)
            return false;
    }
    for (const [k, v] of Object.entries(sel.tags ?? {})) {
        const have = c.tags[k];
        if (have === undefined || (v !== '*' && have !== v))
            return false;
    }
    return true;
}
/** Whether a selector that does not match a resource would, were its tags unknown until apply known: type and address match, and each tag it reads matches or is unknown. */
function selectorMayMatch(sel, c) {
    const unknown = c.tagsUnknown;
    if (!unknown || selectorMatches(sel, c))
        return false;
    const tags = Object.entries(sel.tags ?? {});
    if (!selectorMatches({ ...sel, tags: undefined }, c))
        return false;
    const unread = (k) => (unknown.keys === 'all' ? !unknown.settled?.has(k.toLowerCase()) : unknown.keys.includes(k));
    return tags.some(([k]) => unread(k)) && tags.every(([k, v]) => unread(k) || (c.tags[k] !== undefined && (v === '*' || c.tags[k] === v)));
}
const plan_environments_CACHE_INVALIDATION = 'cache-invalidation';
/** The servers a plan placed, as the balancer modules ask for them: by resource, or by exact address. */
function placedServers(placements, byAddress) {
    let byIp;
    return {
        isServer: (res) => placements.has(res.address),
        withAddress(ip) {
            if (!byIp) {
                byIp = new Map();
                for (const [address, [p]] of placements) {
                    const res = byAddress.get(address);
                    if (!res || !p.server.addressesExact)
                        continue;
                    for (const cidr of p.server.addresses.toCidrs()) {
                        const host = cidr.replace(/\/(32|128)$/, '');
                        if (host === cidr)
                            continue;
                        const list = byIp.get(host);
                        if (list)
                            list.push(res);
                        else
                            byIp.set(host, [res]);
                    }
                }
            }
            // The canonical text of the address, as the servers' sets write it.
            const parsed = cidrSet([ip.trim()]);
            const host = parsed.invalid.length === 0 ? parsed.set.toCidrs()[0]?.replace(/\/(32|128)$/, '') : undefined;
            return host === undefined ? [] : (byIp.get(host) ?? []);
        },
    };
}
/**
 * A balancer joins the environment its `topogate-environment` tag names, else the
 * environments of its targets; one whose targets are unknown (or that has none) also joins
 * those its plan's servers went to, since it may forward to any of them. In each, a
 * listener names the targets that are servers of that environment.
 */
function placeBalancer(d, planFile, placements, fallback, environmentFor) {
    let entries;
    if (d.environmentTag !== undefined)
        entries = [environmentFor(d.environmentTag)];
    else {
        const set = new Set();
        let open = d.listeners.length === 0;
        for (const l of d.listeners) {
            if (l.targetsUnknown !== undefined)
                open = true;
            for (const t of l.targets)
                for (const p of placements.get(t.address) ?? [])
                    set.add(p.entry);
        }
        if (open || set.size === 0)
            for (const e of fallback())
                set.add(e);
        entries = [...set];
    }
    // Each listener's targets by environment, in one pass over them.
    const targetsByEntry = d.listeners.map((l) => {
        const by = new Map();
        for (const t of l.targets) {
            for (const p of placements.get(t.address) ?? []) {
                const list = by.get(p.entry);
                if (list)
                    list.push(p.server.name);
                else
                    by.set(p.entry, [p.server.name]);
            }
        }
        return by;
    });
    for (const entry of entries) {
        const listeners = d.listeners.map((l, i) => ({
            port: l.port,
            protocol: l.protocol,
            targets: targetsByEntry[i].get(entry) ?? [],
            ...(l.targetsUnknown !== undefined ? { targetsUnknown: l.targetsUnknown } : {}),
            targetPort: l.targetPort,
            ...(l.preservesClientAddress !== undefined ? { preservesClientAddress: l.preservesClientAddress } : {}),
            location: l.location,
        }));
        let name = d.name ?? d.res.address;
        if (entry.names.has(name))
            name = `${name} (${planFile})`;
        entry.names.add(name);
        entry.loadBalancers.push({
            kind: 'load-balancer',
            name,
            addresses: d.network.addresses,
            addressesExact: d.network.addressesExact,
            identities: d.network.identities,
            identitiesUnknown: d.network.identitiesUnknown,
            ingress: d.network.ingress,
            egress: d.network.egress,
            location: d.location,
            listeners,
            preservesClientAddress: d.preservesClientAddress,
            ...(d.forwardedIdentities && d.forwardedIdentities.length > 0 ? { forwardedIdentities: d.forwardedIdentities } : {}),
            provider: providerOf(d.res.providerName),
            resource: { address: d.res.address, type: d.res.type },
        });
    }
}
/** The roles a selector gives. */
const selectorRoles = (sel) => (Array.isArray(sel.role) ? sel.role : [sel.role]);
/** A server's roles in one environment: its role tags, the selectors of that environment that match it, a managed database's. */
function rolesIn(c, matches, envName) {
    const roleNotes = {};
    const roles = [];
    const addRole = (r, note) => {
        if (!roles.includes(r)) {
            roles.push(r);
            roleNotes[r] = note;
        }
    };
    for (const r of c.tagRoles)
        addRole(r, `from the topogate-role tag of ${c.res.address}`);
    for (const m of matches) {
        if (m.owner.environment !== envName)
            continue;
        for (const r of selectorRoles(m.selector))
            addRole(r, `from selector #${m.index + 1} of environment "${envName}"`);
    }
    if (c.engine === 'sqlserver' || c.engine === 'oracle')
        addRole('database', `${c.res.type} with engine ${c.engine} is a managed database`);
    return { roles, roleNotes };
}
/** Why a resource that only a role makes a server may be one. */
function notAlwaysServer(c, rolesUnknown) {
    return `${rolesUnknown}, and only a role makes ${c.engine !== undefined ? `a ${c.engine} ${c.res.type}` : `a ${c.res.type}`} a server`;
}
/** The resource's address, or with its plan file where the environment has that name already. */
function uniqueName(entry, c, planFile) {
    let name = c.res.address;
    if (entry.names.has(name))
        name = `${c.res.address} (${planFile})`;
    entry.names.add(name);
    return name;
}
/** Topology environments with the servers of the plans added, and the environments only plans name. */
function mergePlanEnvironments(input) {
    const links = topologyPlanLinks(input.topologyFiles);
    const planPaths = new Set(input.plans.map((p) => p.file));
    const problems = new ProblemList();
    for (const l of links) {
        if (!planPaths.has(l.path))
            problems.add(l.location, `plan "${l.written}" (${l.path}) was not read: pass it with --plan or check the path.`);
    }
    problems.throwIfAny();
    const listedBy = new Map();
    for (const l of links) {
        const list = listedBy.get(l.path) ?? [];
        if (!list.some((x) => x.environment === l.environment))
            list.push(l);
        listedBy.set(l.path, list);
    }
    const owners = [];
    for (const f of input.topologyFiles) {
        for (const env of f.environments) {
            const selectors = (env.raw.terraform?.select ?? []).map((selector, index) => ({ selector, index, location: f.doc.at([...env.path, 'terraform', 'select', index]) }));
            if (selectors.length === 0)
                continue;
            owners.push({ environment: env.raw.name, plans: new Set((env.raw.terraform?.plans ?? []).map((w) => resolvePlanPath(f.file, w))), selectors });
        }
    }
    const byName = new Map();
    for (const env of input.topologyEnvironments) {
        byName.set(env.name, { env, servers: [...env.servers], possibleServers: [...(env.possibleServers ?? [])], loadBalancers: [...env.loadBalancers], names: new Set([...env.servers.map((s) => s.name), ...env.loadBalancers.map((l) => l.name), ...env.clients.keys()]) });
    }
    const environmentFor = (name, at) => {
        let entry = byName.get(name);
        if (!entry) {
            entry = { env: { name, location: at, clients: new Map(input.clients), servers: [], loadBalancers: [] }, servers: [], possibleServers: [], loadBalancers: [], names: new Set(input.clients.keys()) };
            byName.set(name, entry);
        }
        return entry;
    };
    const matched = new Set();
    /** Selectors whose tags cannot be read on some resources (unknown until apply): they may match those. */
    const undecided = new Map();
    for (const plan of input.plans) {
        const ctx = buildPlanContext(plan, input.scan);
        const builders = networkBuilders(ctx);
        const listing = listedBy.get(plan.file) ?? [];
        const applicable = owners.filter((o) => o.plans.size === 0 || o.plans.has(plan.file));
        const planStart = { file: plan.file, line: 1, column: 1 };
        const placements = new Map();
        /** Resources whose environment, or whether they are servers at all, is not known until apply: placed last, as possible servers. */
        const unplaced = [];
        let placed = 0;
        for (const c of serverCandidates(ctx)) {
            const matches = applicable.flatMap((o) => o.selectors.filter((s) => selectorMatches(s.selector, c)).map((s) => ({ owner: o, ...s })));
            for (const m of matches)
                matched.add(m.selector);
            const mayMatch = c.tagsUnknown ? applicable.flatMap((o) => o.selectors.filter((s) => selectorMayMatch(s.selector, c)).map((s) => ({ owner: o, ...s }))) : [];
            for (const m of mayMatch) {
                const list = undecided.get(m.selector);
                if (list)
                    list.push(c);
                else
                    undecided.set(m.selector, [c]);
            }
            // Tags unknown until apply: a selector that may match gives roles (and an environment) not known yet.
            const selectorDoubt = (selectors) => selectors.length === 0 ? undefined : `${c.tagsUnknown?.attribute} are not known until apply, and ${selectors.length === 1 ? `selector #${selectors[0].index + 1} of environment "${selectors[0].owner.environment}" reads them` : `${selectors.length} selectors read them`}`;
            // Roles it may hold beyond those known: any (its role tag is unknown), or those of the selectors that may match it.
            const roleDoubtOf = (selectors) => {
                if (c.roleTagUnknown !== undefined)
                    return { rolesUnknown: c.roleTagUnknown };
                const why = selectorDoubt(selectors);
                if (why === undefined)
                    return undefined;
                const roles = new Set(selectors.flatMap((m) => selectorRoles(m.selector)));
                // A controller holds cache-invalidation by default: it may gain that role too.
                if (roles.has('controller'))
                    roles.add(plan_environments_CACHE_INVALIDATION);
                return { rolesUnknown: why, possibleRoles: [...roles] };
            };
            if (c.environmentTagUnknown !== undefined) {
                // It may belong to any environment of the plan, or to one a selector names; which is known at apply.
                const environments = new Set([...matches, ...mayMatch].map((m) => m.owner.environment));
                unplaced.push({ c, matches, environments, anyOfPlan: true, membership: c.environmentTagUnknown, roleDoubt: roleDoubtOf(mayMatch) });
                continue;
            }
            let envName;
            if (c.environmentTag !== undefined)
                envName = c.environmentTag;
            else {
                const envs = [...new Set(matches.map((m) => m.owner.environment))];
                if (envs.length > 1) {
                    throw InputError.at(c.location, `${c.res.address} matches selectors of environments ${envs.map((e) => `"${e}"`).join(' and ')}; a resource belongs to one environment. Narrow the selectors, or tag it with ${'topogate-environment'}.`);
                }
                if (envs.length === 1)
                    envName = envs[0];
                else if (listing.length === 1)
                    envName = listing[0].environment;
                else if (listing.length > 1) {
                    throw InputError.at(listing[1].location, `plan ${plan.file} is also listed by environment "${listing[0].environment}", and ${c.res.address} in it has no topogate-environment tag and matches no selector, so its environment is ambiguous. Tag its resources with topogate-environment, or use terraform.select.`);
                }
                else
                    envName = DEFAULT_ENVIRONMENT;
                const elsewhere = mayMatch.filter((m) => m.owner.environment !== envName);
                if (elsewhere.length > 0) {
                    const doubt = selectorDoubt(mayMatch);
                    unplaced.push({ c, matches, environments: new Set([envName, ...elsewhere.map((m) => m.owner.environment)]), anyOfPlan: false, membership: doubt, roleDoubt: roleDoubtOf(mayMatch) });
                    continue;
                }
            }
            // A selector of another environment gives no role here.
            const roleDoubt = roleDoubtOf(mayMatch.filter((m) => m.owner.environment === envName));
            const { roles, roleNotes } = rolesIn(c, matches, envName);
            if (!c.always && roles.length === 0) {
                // Not a server unless a role makes it one: with its roles unknown, it may be one.
                if (roleDoubt !== undefined)
                    unplaced.push({ c, matches, environments: new Set([envName]), anyOfPlan: false, membership: notAlwaysServer(c, roleDoubt.rolesUnknown), roleDoubt });
                continue;
            }
            const entry = environmentFor(envName, planStart);
            const server = buildServer(ctx, builders, c, uniqueName(entry, c, plan.file), roles, roleNotes, { ...roleDoubt });
            entry.servers.push(server);
            placements.set(c.res.address, [{ entry, server }]);
            placed++;
        }
        if (unplaced.length > 0) {
            // The environments of the plan: where its servers went, and those that list it.
            const planEnvironments = new Set([...[...placements.values()].map(([p]) => p.entry.env.name), ...listing.map((l) => l.environment)]);
            for (const u of unplaced) {
                const names = new Set(u.environments);
                if (u.anyOfPlan)
                    for (const e of planEnvironments)
                        names.add(e);
                if (names.size === 0) {
                    // The plan names no environment it could belong to instead: it goes where it would
                    // untagged, as before. Its own verdicts do not depend on the environment's name there.
                    const entry = environmentFor(DEFAULT_ENVIRONMENT, planStart);
                    const { roles, roleNotes } = rolesIn(u.c, u.matches, DEFAULT_ENVIRONMENT);
                    // One that only a role makes a server may still not be one.
                    const isServer = u.c.always || roles.length > 0;
                    const membershipUnknown = isServer ? undefined : notAlwaysServer(u.c, u.roleDoubt?.rolesUnknown ?? u.membership);
                    const server = buildServer(ctx, builders, u.c, uniqueName(entry, u.c, plan.file), roles, roleNotes, { ...u.roleDoubt, membershipUnknown });
                    (isServer ? entry.servers : entry.possibleServers).push(server);
                    placements.set(u.c.res.address, [{ entry, server }]);
                    placed++;
                    continue;
                }
                const list = [];
                for (const envName of [...names].sort()) {
                    const entry = environmentFor(envName, planStart);
                    const { roles, roleNotes } = rolesIn(u.c, u.matches, envName);
                    const server = buildServer(ctx, builders, u.c, uniqueName(entry, u.c, plan.file), roles, roleNotes, { ...u.roleDoubt, membershipUnknown: u.membership });
                    entry.possibleServers.push(server);
                    list.push({ entry, server });
                }
                placements.set(u.c.res.address, list);
                placed++;
            }
        }
        const drafts = planBalancers(ctx, builders, placedServers(placements, ctx.state.byAddress));
        if (drafts.length > 0) {
            // Balancers without an environment of their own go where this plan's servers went.
            const planEntries = [...new Set([...placements.values()].flatMap((list) => list.map((p) => p.entry)))];
            const fallback = () => (planEntries.length > 0 ? planEntries : listing.length > 0 ? listing.map((l) => environmentFor(l.environment, planStart)) : [environmentFor(DEFAULT_ENVIRONMENT, planStart)]);
            for (const d of drafts)
                placeBalancer(d, plan.file, placements, fallback, (name) => environmentFor(name, planStart));
        }
        // A plan that gives no server still shows up, so a run never passes on nothing silently.
        if (placed === 0) {
            if (listing.length === 0 && applicable.length === 0)
                environmentFor(DEFAULT_ENVIRONMENT, planStart);
        }
    }
    // A selector that selects nothing is a typo or a stale name: a gate must not pass on it silently.
    for (const o of owners) {
        for (const s of o.selectors) {
            if (matched.has(s.selector))
                continue;
            const where = o.plans.size > 0 ? `the plans it lists (${[...o.plans].join(', ')})` : `the plans read (${input.plans.map((p) => p.file).join(', ') || 'none'})`;
            const unread = undecided.get(s.selector) ?? [];
            if (unread.length > 0) {
                const names = `${unread.slice(0, 3).map((c) => c.tagsUnknown?.attribute).join('; ')}${unread.length > 3 ? `; and ${unread.length - 3} more` : ''}`;
                problems.add(s.location, `selector #${s.index + 1} of environment "${o.environment}" matches no server resource in ${where}, but the tags it reads are not known until apply on ${unread.length === 1 ? 'one that it may match' : `${unread.length} that it may match`} (${names}), so which servers it selects cannot be told. Select by type or address, or use tag values known when planning.`);
                continue;
            }
            problems.add(s.location, `selector #${s.index + 1} of environment "${o.environment}" matches no server resource in ${where}. Check its type, address and tags (selectors match ${Object.keys(SERVER_TYPES).slice(0, 3).join(', ')}, … see the README).`);
        }
    }
    problems.throwIfAny();
    const environments = [];
    for (const { env, servers, possibleServers, loadBalancers } of byName.values()) {
        const declared = declaresCacheInvalidation(servers);
        // Servers whose roles or environment are not known until apply may declare it: then the controller's default is in doubt.
        const mayDeclare = declared ? [] : [...servers, ...possibleServers].filter(mayDeclareCacheInvalidation);
        environments.push({
            ...env,
            servers: defaultCacheInvalidation(servers, declared, mayDeclare),
            ...(possibleServers.length > 0 ? { possibleServers: defaultCacheInvalidation(possibleServers, declared, mayDeclare) } : {}),
            loadBalancers,
        });
    }
    checkPendingRoles(input.topologyFiles, environments);
    return environments;
}
/** Whether a server holds cache-invalidation of its own (not by the controller's default). */
const declaresOwnCacheInvalidation = (s) => s.roles.includes(plan_environments_CACHE_INVALIDATION) && s.roleNotes?.[plan_environments_CACHE_INVALIDATION] === undefined;
/** Whether a server of the environment holds cache-invalidation of its own (not by the controller's default). */
function declaresCacheInvalidation(servers) {
    return servers.some(declaresOwnCacheInvalidation);
}
/** Whether a server may hold a role it is not known to: its roles are not known until apply, and may include it. */
function mayGainRole(s, role) {
    return s.rolesUnknown !== undefined && !s.roles.includes(role) && (s.possibleRoles === undefined || s.possibleRoles.includes(role));
}
/** A server that may declare cache-invalidation, as far as the plan tells: its roles may include it, or it declares it and may belong to the environment. */
function mayDeclareCacheInvalidation(s) {
    return mayGainRole(s, plan_environments_CACHE_INVALIDATION) || (s.membershipUnknown !== undefined && declaresOwnCacheInvalidation(s));
}
/** Why a controller's default cache-invalidation is in doubt: servers other than it may declare the role. */
function defaultInDoubt(controller, mayDeclare, among) {
    // The controller itself may be among them (its own roles unknown): it holds the role either way then.
    const others = mayDeclare.slice(0, 4).filter((s) => s !== controller).slice(0, 3);
    const count = mayDeclare.length - (among.has(controller) ? 1 : 0);
    if (count === 0)
        return undefined;
    if (count === 1)
        return `the controller holds it by default, unless ${others[0].name} does: ${others[0].rolesUnknown ?? others[0].membershipUnknown}`;
    const names = `${others.map((s) => s.name).join(', ')}${count > others.length ? ` and ${count - others.length} more` : ''}`;
    return `the controller holds it by default, unless one of ${count} servers whose roles or environment are not known until apply does (${names})`;
}
/**
 * policies.md: RabbitMQ runs on the controller "by default" when no server holds
 * cache-invalidation. Topology servers got the default from the topology alone; with plan
 * servers in the environment it is decided again over all of them. Where servers that may
 * declare it (`mayDeclare`) make the default itself unknown until apply, the controller holds
 * it in doubt (`roleDoubts`).
 */
function defaultCacheInvalidation(servers, declared, mayDeclare) {
    const note = 'held by the controller by default (no server declares role cache-invalidation)';
    const among = new Set(mayDeclare);
    const inDoubt = (s, current) => {
        const why = mayDeclare.length > 0 ? defaultInDoubt(s, mayDeclare, among) : undefined;
        return why === undefined ? current : { ...current, roleDoubts: { ...current.roleDoubts, [plan_environments_CACHE_INVALIDATION]: why } };
    };
    return servers.map((s) => {
        const defaulted = s.roleNotes?.[plan_environments_CACHE_INVALIDATION] === note;
        if (declared && defaulted) {
            const roleNotes = { ...s.roleNotes };
            delete roleNotes[plan_environments_CACHE_INVALIDATION];
            return { ...s, roles: s.roles.filter((r) => r !== plan_environments_CACHE_INVALIDATION), identities: s.identities.filter((i) => i !== `role:${plan_environments_CACHE_INVALIDATION}`), roleNotes };
        }
        if (!declared && defaulted)
            return inDoubt(s, s);
        if (!declared && s.roles.includes('controller') && !s.roles.includes(plan_environments_CACHE_INVALIDATION)) {
            return inDoubt(s, { ...s, roles: [...s.roles, plan_environments_CACHE_INVALIDATION], identities: [...s.identities, `role:${plan_environments_CACHE_INVALIDATION}`], roleNotes: { ...s.roleNotes, [plan_environments_CACHE_INVALIDATION]: note } });
        }
        return s;
    });
}
function checkPendingRoles(files, environments) {
    const problems = new ProblemList();
    const byName = new Map(environments.map((e) => [e.name, e]));
    for (const f of files) {
        for (const p of f.pendingRoles) {
            const env = byName.get(p.environment);
            const servers = [...(env?.servers ?? []), ...(env?.possibleServers ?? [])];
            const held = new Set(servers.flatMap((s) => s.roles));
            // A server whose roles are not known until apply, and may include this one, may hold it:
            // its topogate-role tag may name any role, a selector reading unknown tags only its own.
            // Not an error then, since the name may be right; if it is a typo, no server turns out to
            // hold it and the openings naming it open nothing: the flows they were meant for fail
            // (openings only allow), never pass.
            if (held.has(p.role) || servers.some((s) => mayGainRole(s, p.role)))
                continue;
            // A role some server may hold is as good a suggestion as one it holds.
            const suggestion = closest(p.role, new Set([...held, ...servers.flatMap((s) => s.possibleRoles ?? [])]));
            problems.add(p.location, `environment "${p.environment}": no server holds role "${p.role}", neither in the topology nor in its plans.${suggestion ? ` Did you mean role:${suggestion}?` : ' Give a server this role (the topogate-role tag or a terraform.select selector) or fix the name.'}`);
        }
    }
    problems.throwIfAny();
}

;// CONCATENATED MODULE: ./src/core/run-check.ts









/** Runs `fn` over every item, collecting every InputError so that all files report at once. */
function collectProblems(items, fn) {
    const problems = [];
    const results = [];
    for (const item of items) {
        try {
            results.push(fn(item));
        }
        catch (e) {
            if (e instanceof InputError)
                problems.push(...e.problems);
            else
                throw e;
        }
    }
    if (problems.length > 0)
        throw new InputError(problems);
    return results;
}
function loadPolicies(packFiles) {
    const packs = collectProblems(packFiles, parsePack);
    const names = new Map();
    const problems = [];
    for (const p of packs) {
        const prev = names.get(p.name);
        if (prev)
            problems.push({ ...(p.nameLocation ?? { file: p.dir, line: 1, column: 1 }), message: `pack name "${p.name}" is also the name of ${prev}; pack names are unique: rename this one.` });
        names.set(p.name, p.dir);
    }
    // Two packs giving one client different addresses: which one a topology gets must not depend on load order in silence.
    const clientOwners = new Map();
    for (const p of packs) {
        for (const [name, client] of p.clients) {
            const first = clientOwners.get(name);
            if (!first) {
                clientOwners.set(name, p);
                continue;
            }
            const other = first.clients.get(name);
            if (!other.addresses.equals(client.addresses)) {
                const at = p.clientLocations?.get(name) ?? { file: p.dir, line: 1, column: 1 };
                const firstAt = first.clientLocations?.get(name);
                problems.push({ ...at, message: `client "${name}" is also defined by pack ${first.name}${firstAt ? ` (${firstAt.file}:${firstAt.line})` : ''} with other addresses (${other.addresses.describe(3)}); a client has one default. Define it in one pack (to replace the built-in pack's, load yours without it: --no-builtin, action input builtin-policies: false), or declare it per environment in the topology (clients:), which overrides the packs.` });
            }
        }
    }
    if (problems.length > 0)
        throw new InputError(problems);
    return { packs, policies: allPolicies(packs), clients: defaultClients(packs) };
}
/**
 * Parsed topology files by input: the edge asks which plans they list before the check,
 * and a large topology should be parsed once. Parsing depends on the clients' names too.
 */
const parsedTopologies = new WeakMap();
function loadTopologies(inputs, clients) {
    const defaultNames = new Set(clients.keys());
    const files = collectProblems(inputs, (t) => {
        const hit = parsedTopologies.get(t);
        if (hit && hit.clients === clients)
            return hit.file;
        const file = parseTopology(t.text, t.path, { defaultClients: defaultNames });
        parsedTopologies.set(t, { clients, file });
        return file;
    });
    const problems = [];
    const seen = new Map();
    for (const f of files) {
        for (const env of f.environments) {
            const prev = seen.get(env.raw.name);
            if (prev)
                problems.push({ ...env.location, message: `environment "${env.raw.name}" is already defined at ${prev.file}:${prev.line}; environment names are unique across topology files.` });
            else
                seen.set(env.raw.name, env.location);
        }
    }
    if (problems.length > 0)
        throw new InputError(problems);
    const environments = files.flatMap((f) => f.environments.map((e) => buildTopologyEnvironment(f, e.raw, e.path, clients)));
    return { files, environments, waivers: files.flatMap((f) => f.waivers), overrides: files.flatMap((f) => f.overrides) };
}
/** The plan files the topologies list, for the edge to read. Throws the topologies' input errors. */
function topologyPlans(inputs, clients) {
    return topologyPlanLinks(loadTopologies(inputs, clients).files);
}
/** Topologies and plans to environments: the model every check reads. */
function loadEnvironments(inputs, clients) {
    const topologies = loadTopologies(inputs.topologies, clients);
    const plans = collectProblems(inputs.plans ?? [], (p) => parsePlan(p.content, p.path));
    if (plans.length === 0 && topologyPlanLinks(topologies.files).length === 0) {
        requireEnvironments(topologies);
        return { ...topologies, plans: 0 };
    }
    const environments = mergePlanEnvironments({
        topologyFiles: topologies.files,
        topologyEnvironments: topologies.environments,
        plans,
        scan: scanDeclarations(inputs.terraformSources ?? []),
        clients,
    });
    return { ...topologies, environments, plans: plans.length };
}
/** Without plans: topology files that declare no environment, or selectors with nothing to select from, would pass on nothing. */
function requireEnvironments(topologies) {
    // Selectors pick servers from plans: without a plan they select nothing, silently.
    const problems = [];
    for (const f of topologies.files) {
        for (const env of f.environments) {
            if ((env.raw.terraform?.select ?? []).length === 0)
                continue;
            problems.push({ ...f.doc.at([...env.path, 'terraform', 'select']), message: `environment "${env.raw.name}" selects servers from Terraform plans, but no plan is given, so its selectors select nothing. Pass the plans with --plan (or list them in terraform.plans).` });
        }
    }
    if (problems.length > 0)
        throw new InputError(problems);
    if (topologies.environments.length > 0 || topologies.files.length === 0)
        return;
    const f = topologies.files[0];
    throw InputError.at(f.doc.at(['environments']), `${topologies.files.length === 1 ? 'this topology file declares no environment' : `none of the ${topologies.files.length} topology files declares an environment`}, and no plan is given, so there is nothing to check. Declare environments (with their servers), or pass the Terraform plans to check with --plan.`);
}
/** The pipeline; `loaded` is the packs already loaded (the edge loads them first to read the plans a topology names). */
function runCheck(inputs, loaded) {
    const policies = loaded ?? loadPolicies(inputs.packs);
    const topologies = loadEnvironments(inputs, policies.clients);
    const environments = topologies.environments;
    const evaluation = evaluate({
        environments,
        policies: policies.policies,
        waivers: topologies.waivers,
        overrides: topologies.overrides,
        today: inputs.today,
        defaultClients: policies.clients.keys(),
    });
    return buildReport(inputs.version, environments, policies.policies, evaluation);
}

;// CONCATENATED MODULE: ./src/core/report/json-report.ts
/** The machine-readable report (DESIGN section 5): stable key order, every finding, passes included. */
function renderJson(report) {
    const { tool, summary, environments, findings, disabled } = report;
    const out = {
        tool,
        summary,
        environments,
        findings: findings.map((f) => ({
            policy: f.policy,
            title: f.title,
            status: f.status,
            severity: f.severity,
            environment: f.environment,
            subject: f.subject,
            message: f.message,
            location: f.location,
            source: f.source,
            ...(f.waiver ? { waiver: f.waiver } : {}),
        })),
        disabled,
        // Always present, so that a consumer can rely on the key: warnings about the inputs that did not stop the run.
        advisories: (report.advisories ?? []).map((a) => ({ file: a.file, line: a.line, column: a.column, message: a.message })),
    };
    return `${JSON.stringify(out, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/core/report/escape.ts
/**
 * Names and values from inputs are data, never markup. These make them inert in the
 * places topogate writes: markdown (PR comment, job summary), plain log lines, and
 * workflow-command payloads.
 */
const ZWSP = '\u200b';
/**
 * Control characters and line breaks become spaces: one finding, one line. So do the
 * bidirectional marks, embeddings, overrides and isolates, which would make a name read
 * differently from what it is ("Trojan Source").
 */
function singleLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ');
}
/**
 * Markdown-inert text: every character markdown or HTML acts on is backslash-escaped
 * (links and images need `[`, HTML needs `<` and `&`, tables `|`, math `$`), and a
 * zero-width space breaks the autolinks (`http://`, `www.`, e-mail) and @mentions that
 * GitHub finds in plain text.
 */
function escapeMarkdown(text) {
    return singleLine(text)
        .replace(/[\\`*_[\]<>&|~$]/g, (c) => `\\${c}`)
        .replace(/@/g, `@${ZWSP}`)
        .replace(/:\/\//g, `:${ZWSP}//`)
        .replace(/\b(www)\./gi, `$1${ZWSP}.`)
        // Issue and pull request references (#12, owner/repo#12, GH-12) and commit hashes.
        .replace(/#(?=\d)/g, `#${ZWSP}`)
        .replace(/\b(GH-)(?=\d)/gi, `$1${ZWSP}`)
        .replace(/\b[0-9a-f]{7,40}\b/gi, (h) => (/\d/.test(h) && /[a-f]/i.test(h) ? `${h.slice(0, 6)}${ZWSP}${h.slice(6)}` : h));
}
/** Markdown text inside an inline code span stays literal; this picks a fence longer than any backtick run. */
function codeSpan(text) {
    const clean = singleLine(text);
    const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(longest + 1);
    const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${clean.replace(/\|/g, '\\|')}${pad}${fence}`;
}
/**
 * A log line that cannot be read as a workflow command. The runner takes a line as a
 * command when it starts with `::` after trimming leading whitespace, and (the legacy
 * form) when `##[command]` appears anywhere in it; both include `set-output`,
 * `add-mask` and `stop-commands`. A zero-width space is not whitespace to the runner,
 * so one in front of the `::`, and one inside every `##[`, leaves the text as read.
 */
function safeLogLine(text) {
    const line = singleLine(text).replace(/##\[/g, `#${ZWSP}#[`);
    return line.trimStart().startsWith('::') ? `${ZWSP}${line}` : line;
}

;// CONCATENATED MODULE: ./src/core/report/markdown-report.ts


const indexes = new WeakMap();
function environmentIndex(report) {
    let m = indexes.get(report);
    if (!m)
        indexes.set(report, (m = new Map(report.environments.map((e) => [e.name, e]))));
    return m;
}
const ICON = { fail: '❌', unknown: '❔', waived: '⏸️', pass: '✅' };
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function where(loc, options) {
    const text = codeSpan(`${loc.file}:${loc.line}`);
    const url = options.linkTo?.(loc);
    return url ? `[${text}](${encodeURI(url).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})` : text;
}
function verdict(report, gate) {
    const { blocking, undecided, failOn, unknownCounts } = blockingSummary(report, gate);
    const s = report.summary;
    const head = blocking > 0
        ? `### ❌ topogate: ${plural(blocking, 'finding')} block${blocking === 1 ? 's' : ''} the merge${undecided > 0 ? ` (${undecided} of them undecided)` : ''}`
        : s.unknown > 0 || s.fail > 0
            ? `### ✅ topogate: nothing blocks the merge${[
                s.unknown > 0 ? `${s.unknown} could not be decided` : '',
                s.fail > 0 ? `${plural(s.fail, 'finding')} ${failOn === 'never' ? `fail${s.fail === 1 ? 's' : ''} (fail-on \`never\`)` : `below \`${failOn}\``}` : '',
            ]
                .filter((x) => x !== '')
                .map((x) => `; ${x}`)
                .join('')}`
            : report.environments.length > 0 && report.environments.every((e) => nothingCheckedNote(e, findingsByEnvironment(report).get(e.name) ?? []) !== undefined)
                ? '### ⚠️ topogate: nothing was checked (no environment has a server)'
                : '### ✅ topogate: all checks pass';
    const counts = [
        `${s.bySeverity.error} error${s.bySeverity.error === 1 ? '' : 's'}`,
        plural(s.bySeverity.warning, 'warning'),
        plural(s.bySeverity.notice, 'notice'),
        `${s.unknown} unknown`,
        `${s.waived} waived`,
        `${s.pass} passed`,
    ].join(' · ');
    return `${head}\n\n${counts} — fail-on: \`${failOn}\`${unknownCounts ? ' (unknown included)' : ''}, ${plural(report.environments.length, 'environment')}, ${plural(report.policies.length, 'policy').replace('policys', 'policies')}`;
}
function attentionRow(f, options) {
    const status = f.status === 'fail' ? `${ICON.fail} ${f.severity}` : `${ICON[f.status]} ${f.status}`;
    return `| ${status} | **${escapeMarkdown(f.policy)}** ${escapeMarkdown(f.title)} | ${codeSpan(f.subject)} | ${escapeMarkdown(f.message)} | ${where(f.location, options)} |`;
}
function passRow(f, options) {
    return `| ${escapeMarkdown(f.policy)} | ${codeSpan(f.subject)} | ${escapeMarkdown(f.message)} | ${where(f.location, options)} |`;
}
function environmentSection(report, envName, options, passDetails) {
    const env = environmentIndex(report).get(envName);
    const findings = [...(findingsByEnvironment(report).get(envName) ?? [])].sort(compareUrgency);
    const attention = findings.filter((f) => f.status !== 'pass');
    const passes = findings.filter((f) => f.status === 'pass');
    const fails = attention.filter((f) => f.status === 'fail').length;
    const unknown = attention.filter((f) => f.status === 'unknown').length;
    const nothing = env ? nothingCheckedNote(env, findings) : undefined;
    const state = fails > 0 ? `❌ ${plural(fails, 'failure')}` : unknown > 0 ? `❔ ${unknown} unknown` : nothing ? '⚠️ nothing checked' : '✅ passes';
    const providers = env && env.providers.length > 0 ? env.providers.map(escapeMarkdown).join(', ') : 'provider unknown';
    const lines = [`#### ${escapeMarkdown(envName)} — ${state}`, '', `<sub>${providers} · ${plural(env?.servers ?? 0, 'server')}</sub>`, ''];
    if (nothing)
        lines.push(escapeMarkdown(nothing), '');
    if (attention.length > 0) {
        lines.push('| Status | Policy | Subject | Finding | Location |', '|---|---|---|---|---|');
        for (const f of attention)
            lines.push(attentionRow(f, options));
        lines.push('');
    }
    if (passes.length > 0) {
        if (passDetails) {
            lines.push(`<details><summary>${ICON.pass} ${plural(passes.length, 'check')} passed</summary>`, '', '| Policy | Subject | Why it passes | Location |', '|---|---|---|---|');
            for (const f of passes)
                lines.push(passRow(f, options));
            lines.push('', '</details>', '');
        }
        else {
            lines.push(`${ICON.pass} ${plural(passes.length, 'check')} passed.`, '');
        }
    }
    return lines;
}
function disabledSection(report) {
    if (report.disabled.length === 0)
        return [];
    return ['**Disabled by the team:**', '', ...report.disabled.map((d) => `- **${escapeMarkdown(d.policy)}** ${escapeMarkdown(d.title)}: ${escapeMarkdown(d.reason)} (${codeSpan(`${d.location.file}:${d.location.line}`)})`), ''];
}
function renderMarkdown(report, options) {
    const build = (passDetails) => {
        const lines = [verdict(report, options.failOn), ''];
        for (const a of report.advisories ?? [])
            lines.push(`> ⚠️ ${escapeMarkdown(`${a.file}:${a.line}:${a.column}: ${a.message}`)}`, '');
        if (report.environments.length === 0)
            lines.push('No environments were found in the inputs.', '');
        for (const env of environmentsByUrgency(report))
            lines.push(...environmentSection(report, env, options, passDetails));
        lines.push(...disabledSection(report));
        return `${lines.join('\n').trimEnd()}\n`;
    };
    const full = build(options.passDetails ?? true);
    const max = options.maxLength;
    if (max === undefined || full.length <= max)
        return full;
    const compact = build(false);
    if (compact.length <= max)
        return compact;
    // Still too long: keep whole lines up to the budget and say where the rest is.
    const note = `\n\n> ✂️ This report was cut to fit. ${options.fullReportHint ?? 'Run topogate locally or see the JSON report for every finding.'}\n`;
    const budget = max - note.length;
    const lines = compact.split('\n');
    let out = '';
    for (const line of lines) {
        if (out.length + line.length + 1 > budget)
            break;
        out += `${line}\n`;
    }
    return `${out.trimEnd()}${note}`;
}

;// CONCATENATED MODULE: ./src/core/report/sarif-report.ts
/**
 * SARIF 2.1.0 for code scanning: one rule per policy (help from the policy file), one
 * result per failing, unknown or waived finding, each at its file, line and column.
 * Passes are left out: code scanning shows results, and a pass is not one.
 */
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
function sarif_report_ruleOf(p) {
    const help = [
        p.description,
        p.rationale ? `Why: ${p.rationale}` : undefined,
        p.remediation ? `Fix: ${p.remediation}` : undefined,
        `Source: ${p.source}`,
    ].filter((x) => Boolean(x));
    return {
        id: p.id,
        name: p.id.replace(/-/g, ''),
        shortDescription: { text: p.title },
        fullDescription: { text: p.description ?? p.title },
        help: { text: help.join('\n\n'), markdown: help.map((h) => h.replace(/^(Why|Fix|Source):/, '**$1:**')).join('\n\n') },
        defaultConfiguration: { level: LEVEL[p.severity] },
        properties: { tags: ['network', p.pack], pack: p.pack, source: p.source },
    };
}
/** A stable identity for a finding across runs, so code scanning tracks it as one alert. */
function fingerprint(f) {
    let h = 0x811c9dc5;
    for (const ch of `${f.policy}\0${f.environment}\0${f.subject}`) {
        h ^= ch.codePointAt(0) ?? 0;
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
}
function renderSarif(report) {
    const rules = [...report.policies].sort((a, b) => (a.id < b.id ? -1 : 1)).map(sarif_report_ruleOf);
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const results = report.findings
        .filter((f) => f.status !== 'pass')
        .map((f) => ({
        ruleId: f.policy,
        ruleIndex: ruleIndex.get(f.policy),
        kind: f.status === 'unknown' ? 'review' : 'fail',
        level: f.status === 'unknown' ? 'note' : LEVEL[f.severity],
        message: { text: `${f.subject}: ${f.message}` },
        locations: [{
                physicalLocation: {
                    artifactLocation: { uri: f.location.file.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
                    region: { startLine: f.location.line, startColumn: f.location.column },
                },
            }],
        partialFingerprints: { 'topogateFinding/v1': fingerprint(f) },
        properties: { status: f.status, environment: f.environment, subject: f.subject, source: f.source },
        ...(f.status === 'waived' && f.waiver ? { suppressions: [{ kind: 'external', justification: `${f.waiver.reason} (until ${f.waiver.expires})` }] } : {}),
    }));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
                tool: { driver: { name: 'topogate', version: report.tool.version, semanticVersion: report.tool.version, rules } },
                results,
                columnKind: 'unicodeCodePoints',
            }],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/core/report/text-report.ts


/** The terminal report: the verdict first, then what needs attention per environment; passes counted. */
const MARK = { fail: 'FAIL', unknown: '  ? ', waived: 'WAIV', pass: ' ok ' };
function text_report_plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function verdictLine(report, gate) {
    const { blocking, undecided, failOn, unknownCounts } = blockingSummary(report, gate);
    const s = report.summary;
    const what = undecided > 0 ? `${text_report_plural(blocking, 'finding')} (${undecided} unknown)` : text_report_plural(blocking, 'finding');
    const threshold = `${failOn}${unknownCounts ? ', unknown included' : ''}`;
    const head = blocking > 0 ? `FAIL: ${what} at or above ${threshold}` : failOn === 'never' ? 'PASS (fail-on: never)' : `PASS: nothing at or above ${threshold}`;
    return `topogate ${report.tool.version} ${head} (${s.bySeverity.error} error, ${s.bySeverity.warning} warning, ${s.bySeverity.notice} notice; ${s.unknown} unknown, ${s.waived} waived, ${s.pass} passed)`;
}
function renderText(report, gate, options = {}) {
    const lines = [verdictLine(report, gate), ''];
    if (report.environments.length === 0)
        lines.push('No environments: pass a topology (--topology) or a plan (--plan).');
    const environments = new Map(report.environments.map((e) => [e.name, e]));
    for (const name of environmentsByUrgency(report)) {
        const env = environments.get(name);
        const findings = [...(findingsByEnvironment(report).get(env.name) ?? [])].sort(compareUrgency);
        const shown = options.verbose ? findings : findings.filter((f) => f.status !== 'pass');
        const passed = findings.length - shown.length;
        lines.push(safeLogLine(`${env.name} (${env.providers.join(', ') || 'provider unknown'}; ${text_report_plural(env.servers, 'server')})`));
        const nothing = nothingCheckedNote(env, findings);
        if (nothing)
            lines.push(safeLogLine(`   !  ${nothing}`));
        for (const f of shown) {
            const where = `${f.location.file}:${f.location.line}:${f.location.column}`;
            lines.push(safeLogLine(`  ${MARK[f.status]} ${f.severity.padEnd(7)} ${f.policy}  ${f.subject}  ${where}`));
            lines.push(safeLogLine(`       ${f.message}`));
        }
        if (passed > 0)
            lines.push(`  ${MARK.pass} ${text_report_plural(passed, 'check')} passed${nothing ? ', with nothing to check' : ''}${options.verbose ? '' : ' (--verbose lists them)'}`);
        lines.push('');
    }
    for (const d of report.disabled)
        lines.push(safeLogLine(`disabled: ${d.policy} ${d.title}: ${d.reason} (${d.location.file}:${d.location.line})`));
    for (const a of report.advisories ?? [])
        lines.push(safeLogLine(`warning: ${a.file}:${a.line}:${a.column}: ${a.message}`));
    return `${lines.join('\n').trimEnd()}\n`;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/io/write-atomically.ts



/** A report that cannot be written where it was asked to go: what is in the way, and why. */
class OutputFileError extends Error {
    file;
    reason;
    constructor(file, reason) {
        super(`cannot write ${file}: ${reason}`);
        this.file = file;
        this.reason = reason;
        this.name = 'OutputFileError';
    }
}
const write_atomically_KINDS = [
    [(s) => s.isSymbolicLink(), 'a symbolic link'],
    [(s) => s.isDirectory(), 'a folder'],
    [(s) => s.isCharacterDevice() || s.isBlockDevice(), 'a device'],
    [(s) => s.isFIFO(), 'a named pipe (FIFO)'],
    [(s) => s.isSocket(), 'a socket'],
];
/**
 * Refuses a path where something other than a regular file exists. The rename replaces
 * what is there: a symbolic link would become a file (not the file it points to), a device
 * or FIFO (`/dev/stdout`) a regular file. lstat, so that a link is seen, not followed.
 */
function requireWritableFilePath(file) {
    let stats;
    try {
        stats = (0,external_node_fs_namespaceObject.lstatSync)(file);
    }
    catch {
        return; // nothing there yet: the write creates it, or says why it cannot
    }
    if (stats.isFile())
        return;
    const kind = write_atomically_KINDS.find(([is]) => is(stats))?.[1] ?? 'not a regular file';
    throw new OutputFileError(file, `it is ${kind}, and writing would replace it with a regular file; pass the path of a file (new or existing)`);
}
/** Why a file cannot be written, by error code, as `it is a folder`; also used for the runner's own files. */
const WRITE_PROBLEMS = {
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is a file, not a folder',
    // mkdir's word for the same: a file holds the name of a folder to create.
    EEXIST: 'a part of the path is a file, not a folder',
    ENOENT: 'a file cannot be created there',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is used up',
    ENAMETOOLONG: 'the name is too long',
};
function reasonOf(e) {
    const code = e.code;
    const what = code && WRITE_PROBLEMS[code] ? `${WRITE_PROBLEMS[code]} (${code})` : e.message;
    return `${what}; choose a file path in a folder you can write to`;
}
/**
 * Writes beside the target and renames: a reader (a later step, a tool) never sees half a
 * file. The temporary name is unpredictable and created exclusively (`wx`), so a link
 * planted under it is not followed; on any failure it is removed and nothing is left.
 */
function writeFileAtomically(file, text) {
    requireWritableFilePath(file);
    const tmp = external_node_path_default().join(external_node_path_default().dirname(file), `.${external_node_path_default().basename(file)}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.tmp`);
    let created = false;
    try {
        (0,external_node_fs_namespaceObject.mkdirSync)(external_node_path_default().dirname(file), { recursive: true });
        const fd = (0,external_node_fs_namespaceObject.openSync)(tmp, 'wx');
        created = true;
        try {
            (0,external_node_fs_namespaceObject.writeFileSync)(fd, text);
        }
        finally {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
        }
        (0,external_node_fs_namespaceObject.renameSync)(tmp, file);
    }
    catch (e) {
        if (created)
            (0,external_node_fs_namespaceObject.rmSync)(tmp, { force: true });
        throw new OutputFileError(file, reasonOf(e));
    }
}
/** The real path a write to `file` lands on, whether or not the file exists yet. */
function realTarget(file) {
    for (const resolve of [() => (0,external_node_fs_namespaceObject.realpathSync)(file), () => external_node_path_default().join((0,external_node_fs_namespaceObject.realpathSync)(external_node_path_default().dirname(file)), external_node_path_default().basename(file))]) {
        try {
            return resolve();
        }
        catch {
            // not there yet: try its folder
        }
    }
    return external_node_path_default().resolve(file);
}
/** Refuses to write a report over one of the files it was made from (`--output topology.yml`). */
function requireNotAnInput(file, filesRead) {
    const target = realTarget(file);
    if (filesRead.some((f) => realTarget(f) === target)) {
        throw new OutputFileError(file, 'it is one of the files this run read (a topology, plan, policy or .tf file), and the report would replace it; pass another file path');
    }
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
var external_fs_namespaceObject_0 = /*#__PURE__*/__nccwpck_require__.t(external_fs_namespaceObject, 2);
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "url"
const external_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");
;// CONCATENATED MODULE: external "module"
const external_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");
;// CONCATENATED MODULE: ./node_modules/fdir/dist/index.mjs




//#region rolldown:runtime
var __require = /* @__PURE__ */ (0,external_module_namespaceObject.createRequire)(import.meta.url);

//#endregion
//#region src/utils.ts
function cleanPath(path) {
	let normalized = (0,external_path_namespaceObject.normalize)(path);
	if (normalized.length > 1 && normalized[normalized.length - 1] === external_path_namespaceObject.sep) normalized = normalized.substring(0, normalized.length - 1);
	return normalized;
}
const SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
	return path.replace(SLASHES_REGEX, separator);
}
const WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
	return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
	const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
	const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
	if (resolvePaths) path = (0,external_path_namespaceObject.resolve)(path);
	if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
	if (path === ".") return "";
	const needsSeperator = path[path.length - 1] !== pathSeparator;
	return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}

//#endregion
//#region src/api/functions/join-path.ts
function joinPathWithBasePath(filename, directoryPath) {
	return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
	return function(filename, directoryPath) {
		const sameRoot = directoryPath.startsWith(root);
		if (sameRoot) return directoryPath.slice(root.length) + filename;
		else return convertSlashes((0,external_path_namespaceObject.relative)(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
	};
}
function joinPath(filename) {
	return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
	return directoryPath + filename + separator;
}
function build$7(root, options) {
	const { relativePaths, includeBasePath } = options;
	return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}

//#endregion
//#region src/api/functions/push-directory.ts
function pushDirectoryWithRelativePath(root) {
	return function(directoryPath, paths) {
		paths.push(directoryPath.substring(root.length) || ".");
	};
}
function pushDirectoryFilterWithRelativePath(root) {
	return function(directoryPath, paths, filters) {
		const relativePath = directoryPath.substring(root.length) || ".";
		if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
	};
}
const pushDirectory = (directoryPath, paths) => {
	paths.push(directoryPath || ".");
};
const pushDirectoryFilter = (directoryPath, paths, filters) => {
	const path = directoryPath || ".";
	if (filters.every((filter) => filter(path, true))) paths.push(path);
};
const empty$2 = () => {};
function build$6(root, options) {
	const { includeDirs, filters, relativePaths } = options;
	if (!includeDirs) return empty$2;
	if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
	return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}

//#endregion
//#region src/api/functions/push-file.ts
const pushFileFilterAndCount = (filename, _paths, counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) counts.files++;
};
const pushFileFilter = (filename, paths, _counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
const pushFileCount = (_filename, _paths, counts, _filters) => {
	counts.files++;
};
const pushFile = (filename, paths) => {
	paths.push(filename);
};
const empty$1 = () => {};
function build$5(options) {
	const { excludeFiles, filters, onlyCounts } = options;
	if (excludeFiles) return empty$1;
	if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
	else if (onlyCounts) return pushFileCount;
	else return pushFile;
}

//#endregion
//#region src/api/functions/get-array.ts
const getArray = (paths) => {
	return paths;
};
const getArrayGroup = () => {
	return [""].slice(0, 0);
};
function build$4(options) {
	return options.group ? getArrayGroup : getArray;
}

//#endregion
//#region src/api/functions/group-files.ts
const groupFiles = (groups, directory, files) => {
	groups.push({
		directory,
		files,
		dir: directory
	});
};
const empty = () => {};
function build$3(options) {
	return options.group ? groupFiles : empty;
}

//#endregion
//#region src/api/functions/resolve-symlink.ts
const resolveSymlinksAsync = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	fs.realpath(path, (error, resolvedPath) => {
		if (error) return queue.dequeue(suppressErrors ? null : error, state);
		fs.stat(resolvedPath, (error$1, stat) => {
			if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
			if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
			callback$1(stat, resolvedPath);
			queue.dequeue(null, state);
		});
	});
};
const resolveSymlinks = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	try {
		const resolvedPath = fs.realpathSync(path);
		const stat = fs.statSync(resolvedPath);
		if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return;
		callback$1(stat, resolvedPath);
	} catch (e) {
		if (!suppressErrors) throw e;
	}
};
function build$2(options, isSynchronous) {
	if (!options.resolveSymlinks || options.excludeSymlinks) return null;
	return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
	if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
	let parent = (0,external_path_namespaceObject.dirname)(path);
	let depth = 1;
	while (parent !== state.root && depth < 2) {
		const resolvedPath = state.symlinks.get(parent);
		const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
		if (isSameRoot) depth++;
		else parent = (0,external_path_namespaceObject.dirname)(parent);
	}
	state.symlinks.set(path, resolved);
	return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
	return state.visited.includes(resolved + state.options.pathSeparator);
}

//#endregion
//#region src/api/functions/invoke-callback.ts
const onlyCountsSync = (state) => {
	return state.counts;
};
const groupsSync = (state) => {
	return state.groups;
};
const defaultSync = (state) => {
	return state.paths;
};
const limitFilesSync = (state) => {
	return state.paths.slice(0, state.options.maxFiles);
};
const onlyCountsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.counts, state.options.suppressErrors);
	return null;
};
const defaultAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths, state.options.suppressErrors);
	return null;
};
const limitFilesAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
	return null;
};
const groupsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.groups, state.options.suppressErrors);
	return null;
};
function report(error, callback$1, output, suppressErrors) {
	if (error && !suppressErrors) callback$1(error, output);
	else callback$1(null, output);
}
function build$1(options, isSynchronous) {
	const { onlyCounts, group, maxFiles } = options;
	if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
	else if (group) return isSynchronous ? groupsSync : groupsAsync;
	else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
	else return isSynchronous ? defaultSync : defaultAsync;
}

//#endregion
//#region src/api/functions/walk-directory.ts
const readdirOpts = { withFileTypes: true };
const walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	state.queue.enqueue();
	if (currentDepth < 0) return state.queue.dequeue(null, state);
	const { fs } = state;
	state.visited.push(crawlPath);
	state.counts.directories++;
	fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
		callback$1(entries, directoryPath, currentDepth);
		state.queue.dequeue(state.options.suppressErrors ? null : error, state);
	});
};
const walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	const { fs } = state;
	if (currentDepth < 0) return;
	state.visited.push(crawlPath);
	state.counts.directories++;
	let entries = [];
	try {
		entries = fs.readdirSync(crawlPath || ".", readdirOpts);
	} catch (e) {
		if (!state.options.suppressErrors) throw e;
	}
	callback$1(entries, directoryPath, currentDepth);
};
function dist_build(isSynchronous) {
	return isSynchronous ? walkSync : walkAsync;
}

//#endregion
//#region src/api/queue.ts
/**
* This is a custom stateless queue to track concurrent async fs calls.
* It increments a counter whenever a call is queued and decrements it
* as soon as it completes. When the counter hits 0, it calls onQueueEmpty.
*/
var Queue = class {
	count = 0;
	constructor(onQueueEmpty) {
		this.onQueueEmpty = onQueueEmpty;
	}
	enqueue() {
		this.count++;
		return this.count;
	}
	dequeue(error, output) {
		if (this.onQueueEmpty && (--this.count <= 0 || error)) {
			this.onQueueEmpty(error, output);
			if (error) {
				output.controller.abort();
				this.onQueueEmpty = void 0;
			}
		}
	}
};

//#endregion
//#region src/api/counter.ts
var Counter = class {
	_files = 0;
	_directories = 0;
	set files(num) {
		this._files = num;
	}
	get files() {
		return this._files;
	}
	set directories(num) {
		this._directories = num;
	}
	get directories() {
		return this._directories;
	}
	/**
	* @deprecated use `directories` instead
	*/
	/* c8 ignore next 3 */
	get dirs() {
		return this._directories;
	}
};

//#endregion
//#region src/api/aborter.ts
/**
* AbortController is not supported on Node 14 so we use this until we can drop
* support for Node 14.
*/
var Aborter = class {
	aborted = false;
	abort() {
		this.aborted = true;
	}
};

//#endregion
//#region src/api/walker.ts
var Walker = class {
	root;
	isSynchronous;
	state;
	joinPath;
	pushDirectory;
	pushFile;
	getArray;
	groupFiles;
	resolveSymlink;
	walkDirectory;
	callbackInvoker;
	constructor(root, options, callback$1) {
		this.isSynchronous = !callback$1;
		this.callbackInvoker = build$1(options, this.isSynchronous);
		this.root = normalizePath(root, options);
		this.state = {
			root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
			paths: [""].slice(0, 0),
			groups: [],
			counts: new Counter(),
			options,
			queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
			symlinks: /* @__PURE__ */ new Map(),
			visited: [""].slice(0, 0),
			controller: new Aborter(),
			fs: options.fs || external_fs_namespaceObject_0
		};
		this.joinPath = build$7(this.root, options);
		this.pushDirectory = build$6(this.root, options);
		this.pushFile = build$5(options);
		this.getArray = build$4(options);
		this.groupFiles = build$3(options);
		this.resolveSymlink = build$2(options, this.isSynchronous);
		this.walkDirectory = dist_build(this.isSynchronous);
	}
	start() {
		this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
		this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
		return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
	}
	walk = (entries, directoryPath, depth) => {
		const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
		if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
		const files = this.getArray(this.state.paths);
		for (let i = 0; i < entries.length; ++i) {
			const entry = entries[i];
			if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
				const filename = this.joinPath(entry.name, directoryPath);
				this.pushFile(filename, files, this.state.counts, filters);
			} else if (entry.isDirectory()) {
				let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
				if (exclude && exclude(entry.name, path)) continue;
				this.pushDirectory(path, paths, filters);
				this.walkDirectory(this.state, path, path, depth - 1, this.walk);
			} else if (this.resolveSymlink && entry.isSymbolicLink()) {
				let path = joinPathWithBasePath(entry.name, directoryPath);
				this.resolveSymlink(path, this.state, (stat, resolvedPath) => {
					if (stat.isDirectory()) {
						resolvedPath = normalizePath(resolvedPath, this.state.options);
						if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
						this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
					} else {
						resolvedPath = useRealPaths ? resolvedPath : path;
						const filename = (0,external_path_namespaceObject.basename)(resolvedPath);
						const directoryPath$1 = normalizePath((0,external_path_namespaceObject.dirname)(resolvedPath), this.state.options);
						resolvedPath = this.joinPath(filename, directoryPath$1);
						this.pushFile(resolvedPath, files, this.state.counts, filters);
					}
				});
			}
		}
		this.groupFiles(this.state.groups, directoryPath, files);
	};
};

//#endregion
//#region src/api/async.ts
function promise(root, options) {
	return new Promise((resolve$1, reject) => {
		callback(root, options, (err, output) => {
			if (err) return reject(err);
			resolve$1(output);
		});
	});
}
function callback(root, options, callback$1) {
	let walker = new Walker(root, options, callback$1);
	walker.start();
}

//#endregion
//#region src/api/sync.ts
function sync(root, options) {
	const walker = new Walker(root, options);
	return walker.start();
}

//#endregion
//#region src/builder/api-builder.ts
var APIBuilder = class {
	constructor(root, options) {
		this.root = root;
		this.options = options;
	}
	withPromise() {
		return promise(this.root, this.options);
	}
	withCallback(cb) {
		callback(this.root, this.options, cb);
	}
	sync() {
		return sync(this.root, this.options);
	}
};

//#endregion
//#region src/builder/index.ts
let pm = null;
/* c8 ignore next 6 */
try {
	__require.resolve("picomatch");
	pm = __require("picomatch");
} catch {}
var Builder = class {
	globCache = {};
	options = {
		maxDepth: Infinity,
		suppressErrors: true,
		pathSeparator: external_path_namespaceObject.sep,
		filters: []
	};
	globFunction;
	constructor(options) {
		this.options = {
			...this.options,
			...options
		};
		this.globFunction = this.options.globFunction;
	}
	group() {
		this.options.group = true;
		return this;
	}
	withPathSeparator(separator) {
		this.options.pathSeparator = separator;
		return this;
	}
	withBasePath() {
		this.options.includeBasePath = true;
		return this;
	}
	withRelativePaths() {
		this.options.relativePaths = true;
		return this;
	}
	withDirs() {
		this.options.includeDirs = true;
		return this;
	}
	withMaxDepth(depth) {
		this.options.maxDepth = depth;
		return this;
	}
	withMaxFiles(limit) {
		this.options.maxFiles = limit;
		return this;
	}
	withFullPaths() {
		this.options.resolvePaths = true;
		this.options.includeBasePath = true;
		return this;
	}
	withErrors() {
		this.options.suppressErrors = false;
		return this;
	}
	withSymlinks({ resolvePaths = true } = {}) {
		this.options.resolveSymlinks = true;
		this.options.useRealPaths = resolvePaths;
		return this.withFullPaths();
	}
	withAbortSignal(signal) {
		this.options.signal = signal;
		return this;
	}
	normalize() {
		this.options.normalizePath = true;
		return this;
	}
	filter(predicate) {
		this.options.filters.push(predicate);
		return this;
	}
	onlyDirs() {
		this.options.excludeFiles = true;
		this.options.includeDirs = true;
		return this;
	}
	exclude(predicate) {
		this.options.exclude = predicate;
		return this;
	}
	onlyCounts() {
		this.options.onlyCounts = true;
		return this;
	}
	crawl(root) {
		return new APIBuilder(root || ".", this.options);
	}
	withGlobFunction(fn) {
		this.globFunction = fn;
		return this;
	}
	/**
	* @deprecated Pass options using the constructor instead:
	* ```ts
	* new fdir(options).crawl("/path/to/root");
	* ```
	* This method will be removed in v7.0
	*/
	/* c8 ignore next 4 */
	crawlWithOptions(root, options) {
		this.options = {
			...this.options,
			...options
		};
		return new APIBuilder(root || ".", this.options);
	}
	glob(...patterns) {
		if (this.globFunction) return this.globWithOptions(patterns);
		return this.globWithOptions(patterns, ...[{ dot: true }]);
	}
	globWithOptions(patterns, ...options) {
		const globFn = this.globFunction || pm;
		/* c8 ignore next 5 */
		if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
		var isMatch = this.globCache[patterns.join("\0")];
		if (!isMatch) {
			isMatch = globFn(patterns, ...options);
			this.globCache[patterns.join("\0")] = isMatch;
		}
		this.options.filters.push((path) => isMatch(path));
		return this;
	}
};

//#endregion

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(6);
;// CONCATENATED MODULE: ./node_modules/tinyglobby/dist/index.mjs





//#region src/utils.ts
const isReadonlyArray = Array.isArray;
const BACKSLASHES = /\\/g;
const DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
const isWin = process.platform === "win32";
const ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
	const patternsCount = patterns.length;
	const patternsParts = Array(patternsCount);
	const matchers = Array(patternsCount);
	let i, j;
	for (i = 0; i < patternsCount; i++) {
		const parts = splitPattern(patterns[i]);
		patternsParts[i] = parts;
		const partsCount = parts.length;
		const partMatchers = Array(partsCount);
		for (j = 0; j < partsCount; j++) partMatchers[j] = picomatch(parts[j], options);
		matchers[i] = partMatchers;
	}
	return (input) => {
		const inputParts = input.split("/");
		if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
		for (i = 0; i < patternsCount; i++) {
			const patternParts = patternsParts[i];
			const matcher = matchers[i];
			const inputPatternCount = inputParts.length;
			const minParts = Math.min(inputPatternCount, patternParts.length);
			j = 0;
			while (j < minParts) {
				const part = patternParts[j];
				if (part.includes("/")) return true;
				if (!matcher[j](inputParts[j])) break;
				if (!options.noglobstar && part === "**") return true;
				j++;
			}
			if (j === inputPatternCount) return true;
		}
		return false;
	};
}
/* node:coverage ignore next 2 */
const WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
const isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
	if (cwd === root || root.startsWith(`${cwd}/`)) {
		if (absolute) {
			const start = cwd.length + +!isRoot(cwd);
			return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
		}
		const prefix = root.slice(cwd.length + 1);
		if (prefix) return (p, isDir) => {
			if (p === ".") return prefix;
			const result = `${prefix}/${p}`;
			return isDir ? result.slice(0, -1) : result;
		};
		return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
	}
	if (absolute) return (p) => external_path_namespaceObject.posix.relative(cwd, p) || ".";
	return (p) => external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
	if (root.startsWith(`${cwd}/`)) {
		const prefix = root.slice(cwd.length + 1);
		return (p) => `${prefix}/${p}`;
	}
	return (p) => {
		const result = external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`);
		return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
	};
}
function ensureNonDriveRelativePath(path) {
	return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
const splitPatternOptions = { parts: true };
function splitPattern(path) {
	var _result$parts;
	const result = picomatch.scan(path, splitPatternOptions);
	return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
const ESCAPED_WIN32_BACKSLASHES = /\\(?![()[\]{}!+@])/g;
function convertPosixPathToPattern(path) {
	return escapePosixPath(path);
}
function convertWin32PathToPattern(path) {
	return escapeWin32Path(path).replace(ESCAPED_WIN32_BACKSLASHES, "/");
}
/**
* Converts a path to a pattern depending on the platform.
* Identical to {@link escapePath} on POSIX systems.
* @see {@link https://superchupu.dev/tinyglobby/documentation#convertPathToPattern}
*/
/* node:coverage ignore next 3 */
const convertPathToPattern = (/* unused pure expression or super */ null && (isWin ? convertWin32PathToPattern : convertPosixPathToPattern));
const POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
const WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
const escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
const escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
/**
* Escapes a path's special characters depending on the platform.
* @see {@link https://superchupu.dev/tinyglobby/documentation#escapePath}
*/
/* node:coverage ignore next */
const escapePath = isWin ? escapeWin32Path : escapePosixPath;
/**
* Checks if a pattern has dynamic parts.
*
* Has a few minor differences with [`fast-glob`](https://github.com/mrmlnc/fast-glob) for better accuracy:
*
* - Doesn't necessarily return `false` on patterns that include `\`.
* - Returns `true` if the pattern includes parentheses, regardless of them representing one single pattern or not.
* - Returns `true` for unfinished glob extensions i.e. `(h`, `+(h`.
* - Returns `true` for unfinished brace expansions as long as they include `,` or `..`.
*
* @see {@link https://superchupu.dev/tinyglobby/documentation#isDynamicPattern}
*/
function isDynamicPattern(pattern, options) {
	if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
	const scan = picomatch.scan(pattern);
	return scan.isGlob || scan.negated;
}
function log(...tasks) {
	console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
	return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
//#endregion
//#region src/patterns.ts
const PARENT_DIRECTORY = /^(\/?\.\.)+/;
const ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
	var _PARENT_DIRECTORY$exe;
	const cwd = opts.cwd;
	let result = pattern;
	if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
	if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
	const escapedCwd = escapePath(cwd);
	result = (0,external_path_namespaceObject.isAbsolute)(result.replace(ESCAPING_BACKSLASHES, "")) ? external_path_namespaceObject.posix.relative(escapedCwd, result) : external_path_namespaceObject.posix.normalize(result);
	const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
	const parts = splitPattern(result);
	if (parentDir) {
		const n = (parentDir.length + 1) / 3;
		let i = 0;
		const cwdParts = escapedCwd.split("/");
		while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
			result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
			i++;
		}
		const potentialRoot = external_path_namespaceObject.posix.join(cwd, parentDir.slice(i * 3));
		if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
			props.root = ensureNonDriveRelativePath(potentialRoot);
			props.depthOffset = -n + i;
		}
	}
	if (!isIgnore && props.depthOffset >= 0) {
		var _props$commonPath;
		(_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
		const newCommonPath = [];
		const length = Math.min(props.commonPath.length, parts.length);
		for (let i = 0; i < length; i++) {
			const part = parts[i];
			if (part === "**" && !parts[i + 1]) {
				newCommonPath.pop();
				break;
			}
			if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
			newCommonPath.push(part);
		}
		props.depthOffset = newCommonPath.length;
		props.commonPath = newCommonPath;
		props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? external_path_namespaceObject.posix.join(cwd, ...newCommonPath) : cwd);
	}
	return result;
}
function processPatterns(options, patterns, props) {
	const matchPatterns = [];
	const ignorePatterns = [];
	for (const pattern of options.ignore) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
	}
	for (const pattern of patterns) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
		else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
	}
	return {
		match: matchPatterns,
		ignore: ignorePatterns
	};
}
//#endregion
//#region src/crawler.ts
function buildCrawler(options, patterns) {
	const cwd = options.cwd;
	const props = {
		root: cwd,
		depthOffset: 0
	};
	const processed = processPatterns(options, patterns, props);
	if (options.debug) log("internal processing patterns:", processed);
	const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
	const root = props.root.replace(BACKSLASHES, "");
	const matchOptions = {
		dot,
		nobrace: options.braceExpansion === false,
		nocase: !caseSensitiveMatch,
		noextglob: options.extglob === false,
		noglobstar: options.globstar === false,
		posix: true
	};
	const matcher = picomatch(processed.match, matchOptions);
	const ignore = picomatch(processed.ignore, matchOptions);
	const partialMatcher = getPartialMatcher(processed.match, matchOptions);
	const format = buildFormat(cwd, root, absolute);
	const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
	const excludePredicate = (_, p) => {
		const relativePath = excludeFormatter(p, true);
		return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
	};
	let maxDepth;
	if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
	const crawler = new Builder({
		filters: [debug ? (p, isDirectory) => {
			const path = format(p, isDirectory);
			const matches = matcher(path) && !ignore(path);
			if (matches) log(`matched ${path}`);
			return matches;
		} : (p, isDirectory) => {
			const path = format(p, isDirectory);
			return matcher(path) && !ignore(path);
		}],
		exclude: debug ? (_, p) => {
			const skipped = excludePredicate(_, p);
			log(`${skipped ? "skipped" : "crawling"} ${p}`);
			return skipped;
		} : excludePredicate,
		fs: options.fs,
		pathSeparator: "/",
		relativePaths: !absolute,
		resolvePaths: absolute,
		includeBasePath: absolute,
		resolveSymlinks: followSymbolicLinks,
		excludeSymlinks: !followSymbolicLinks,
		excludeFiles: onlyDirectories,
		includeDirs: onlyDirectories || !options.onlyFiles,
		maxDepth,
		signal: options.signal
	}).crawl(root);
	if (options.debug) log("internal properties:", {
		...props,
		root
	});
	return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
//#endregion
//#region src/index.ts
function formatPaths(paths, mapper) {
	if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
	return paths;
}
const defaultOptions = {
	caseSensitiveMatch: true,
	debug: !!process.env.TINYGLOBBY_DEBUG,
	expandDirectories: true,
	followSymbolicLinks: true,
	onlyFiles: true
};
function getOptions(options) {
	const opts = Object.assign({}, options);
	for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
	opts.cwd = (opts.cwd instanceof URL ? (0,external_url_namespaceObject.fileURLToPath)(opts.cwd) : (0,external_path_namespaceObject.resolve)(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
	opts.ignore = ensureStringArray(opts.ignore);
	opts.fs && (opts.fs = {
		readdir: opts.fs.readdir || external_fs_namespaceObject.readdir,
		readdirSync: opts.fs.readdirSync || external_fs_namespaceObject.readdirSync,
		realpath: opts.fs.realpath || external_fs_namespaceObject.realpath,
		realpathSync: opts.fs.realpathSync || external_fs_namespaceObject.realpathSync,
		stat: opts.fs.stat || external_fs_namespaceObject.stat,
		statSync: opts.fs.statSync || external_fs_namespaceObject.statSync
	});
	if (opts.debug) log("globbing with options:", opts);
	return opts;
}
function getCrawler(globInput, inputOptions = {}) {
	var _ref;
	if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
	const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
	const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
	const options = getOptions(isModern ? inputOptions : globInput);
	return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(await crawler.withPromise(), relative) : [];
}
function globSync(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(crawler.sync(), relative) : [];
}
//#endregion


;// CONCATENATED MODULE: ./src/io/input-files.ts




/**
 * Reading what the user names: glob patterns (several, one per line or repeated flags),
 * files with a size limit, and paths written inside inputs, which must stay inside the
 * workspace. Reported paths are relative to the workspace with forward slashes, so they
 * match the repository paths GitHub annotates.
 */
/**
 * Nothing to read: no input named, or a named file or pattern that finds nothing. Not a
 * problem inside a file, so it carries no line; the CLI exits 2 and the action fails.
 */
class MissingInputError extends Error {
}
function displayPath(ws, absolute) {
    const rel = external_node_path_default().relative(ws.root, absolute);
    return (rel === '' ? '.' : rel.startsWith('..') || external_node_path_default().isAbsolute(rel) ? absolute : rel).split((external_node_path_default()).sep).join('/');
}
/** One pattern per line or comma-free entry; blank lines and `#` comments are ignored (action inputs). */
function splitPatterns(values) {
    return values.flatMap((v) => v.split(/\r?\n/)).map((v) => v.trim()).filter((v) => v !== '' && !v.startsWith('#'));
}
const isGlob = (p) => /[*?[\]{}]/.test(p);
/**
 * Expands patterns to files, in a stable order, each file once. A literal path that does
 * not exist, or a pattern that matches nothing, is an error naming it: a gate that
 * silently checks nothing would pass every PR.
 */
async function expandPatterns(ws, patterns, what) {
    const found = new Set();
    const problems = [];
    for (const pattern of patterns) {
        if (pattern.startsWith('!'))
            continue;
        if (!isGlob(pattern)) {
            const abs = external_node_path_default().resolve(ws.cwd, pattern);
            let isFile;
            try {
                isFile = (0,external_node_fs_namespaceObject.statSync)(abs).isFile();
            }
            catch {
                problems.push(`${what} "${pattern}" does not exist (looked in ${abs}).`);
                continue;
            }
            if (!isFile)
                problems.push(`${what} "${pattern}" is not a file.`);
            else
                found.add(abs);
            continue;
        }
        const negated = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
        const matches = await glob(pattern, { cwd: ws.cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**', ...negated], expandDirectories: false });
        if (matches.length === 0)
            problems.push(`${what} pattern "${pattern}" matches no file (from ${ws.cwd}).`);
        for (const m of matches)
            found.add(external_node_path_default().resolve(m));
    }
    // Exclusions alone select nothing: checking nothing would pass every pull request.
    if (patterns.length > 0 && patterns.every((p) => p.startsWith('!'))) {
        problems.push(`the ${what} patterns only exclude files (${patterns.join(', ')}): name the files to check too, e.g. "infra/*.yml" before "!infra/draft.yml".`);
    }
    if (problems.length > 0) {
        throw new MissingInputError(problems.join(' '));
    }
    return [...found].sort();
}
function readLimited(abs, display, maxBytes) {
    let size;
    try {
        size = (0,external_node_fs_namespaceObject.statSync)(abs).size;
    }
    catch (e) {
        throw InputError.at({ file: display, line: 1, column: 1 }, `cannot read the file: ${e.message}`);
    }
    if (size > maxBytes) {
        throw InputError.at({ file: display, line: 1, column: 1 }, `the file is ${(size / 1048576).toFixed(1)} MiB, over the ${(maxBytes / 1048576).toFixed(0)} MiB limit for this kind of input. Is it the right file?`);
    }
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(abs);
    }
    catch (e) {
        throw InputError.at({ file: display, line: 1, column: 1 }, `cannot read the file: ${e.message}`);
    }
}
/**
 * A path written inside an input (a topology's `terraform.plans`), resolved against the
 * file that names it and refused when it leaves the workspace, symbolic links included.
 */
function resolveInsideWorkspace(ws, fromFile, written) {
    const abs = external_node_path_default().resolve(external_node_path_default().dirname(fromFile), written);
    if (!isInsideWorkspace(ws, realpathOrSelf(abs)))
        return { ok: false, reason: `"${written}" resolves outside the workspace (${ws.root}); paths in inputs must stay inside the repository.` };
    return { ok: true, absolute: abs };
}
const isInside = (root, p) => p === root || p.startsWith(root.endsWith((external_node_path_default()).sep) ? root : root + (external_node_path_default()).sep);
function isInsideWorkspace(ws, real) {
    return isInside(realpathOrSelf(ws.root), real);
}
/**
 * Reads a file of the workspace. A glob or a pack folder follows symbolic links, and a
 * link in a pull request can point anywhere (`/etc/passwd`, a runner's credentials): a
 * path inside the workspace must really be inside it, and a file must be a regular file
 * (a FIFO or device would block or never end). Refused before reading, so no error quotes
 * its content. A path the user names outside the workspace (`--topology ../x.yml`) is
 * read as named.
 */
function readWorkspaceFile(ws, abs, display, maxBytes) {
    const at = { file: display, line: 1, column: 1 };
    let real;
    try {
        real = (0,external_node_fs_namespaceObject.realpathSync)(abs);
    }
    catch (e) {
        throw InputError.at(at, `cannot read the file: ${e.message}`);
    }
    // Named inside the workspace (as written, or through a root that is itself a link) but really outside: a link leads out.
    const named = external_node_path_default().resolve(abs);
    if ((isInside(external_node_path_default().resolve(ws.root), named) || isInsideWorkspace(ws, named)) && !isInsideWorkspace(ws, real)) {
        throw InputError.at(at, `the file resolves to ${real}, outside the workspace (${ws.root}); inputs must be files of the repository, and a symbolic link may not lead out of it. Copy the file into the repository, or leave it out.`);
    }
    if (!(0,external_node_fs_namespaceObject.statSync)(real).isFile())
        throw InputError.at(at, 'this is not a regular file (a folder, device, FIFO or socket); name the file to read instead.');
    return readLimited(abs, display, maxBytes);
}
/** Whether a path named inside the workspace really lies outside it (a symbolic link leads out): such a path is never read. */
function leadsOutOfWorkspace(ws, abs) {
    const named = external_node_path_default().resolve(abs);
    return (isInside(external_node_path_default().resolve(ws.root), named) || isInsideWorkspace(ws, named)) && !isInsideWorkspace(ws, realpathOrSelf(abs));
}
function realpathOrSelf(p) {
    try {
        return (0,external_node_fs_namespaceObject.realpathSync)(p);
    }
    catch {
        return external_node_path_default().resolve(p);
    }
}

;// CONCATENATED MODULE: ./src/io/policy-packs.ts






const BUILTIN = external_node_path_default().join('policies', 'outsystems-11');
/**
 * The built-in pack ships beside the code: `policies/` next to `dist/` in the action's
 * checkout and the npm package, next to `src/` in a clone. Found by walking up from here.
 */
function builtinPackDir() {
    let dir = external_node_path_default().dirname((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 5; i++) {
        if ((0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(dir, BUILTIN, 'pack.yaml')))
            return external_node_path_default().join(dir, BUILTIN);
        dir = external_node_path_default().dirname(dir);
    }
    throw new Error(`the built-in policy pack (${BUILTIN}) is missing beside ${(0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url)}: the installation is incomplete.`);
}
const PACK_FILE_MAX_BYTES = 1024 * 1024;
const isPack = (dir) => (0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(dir, 'pack.yaml')) || (0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(dir, 'pack.yml'));
const isYaml = (name) => /\.ya?ml$/i.test(name) && !name.startsWith('.');
/**
 * A pack's YAML files. A user's pack comes from the repository, so its files must be
 * files of the workspace (`confine`); the built-in one lives beside the code. `filesRead`
 * collects the absolute paths read, so that a report is never written over one.
 */
function readPackDir(dir, display, confine, filesRead) {
    const files = (0,external_node_fs_namespaceObject.readdirSync)(dir)
        .filter(isYaml)
        .sort()
        .map((f) => {
        const abs = external_node_path_default().join(dir, f);
        const shown = `${display}/${f}`;
        const bytes = confine ? readWorkspaceFile(confine, abs, shown, PACK_FILE_MAX_BYTES) : readLimited(abs, shown, PACK_FILE_MAX_BYTES);
        filesRead.push(abs);
        return { path: shown, text: decodeInput(bytes, shown) };
    });
    return { dir: display, files };
}
/**
 * Whether a YAML file looks like a policy (top-level `id:` and `check:`): what a pack
 * would run if it were read. Other YAML beside a pack (test fixtures, lint settings) is
 * none of topogate's business. Regular files only: a link is not followed to look.
 */
function looksLikePolicy(ws, file) {
    if (leadsOutOfWorkspace(ws, file))
        return false;
    let text;
    try {
        const fd = (0,external_node_fs_namespaceObject.openSync)(file, 'r');
        try {
            const buffer = Buffer.alloc(65536);
            text = buffer.toString('utf8', 0, (0,external_node_fs_namespaceObject.readSync)(fd, buffer, 0, buffer.length, 0));
        }
        finally {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
        }
    }
    catch {
        return false;
    }
    return /^id\s*:/m.test(text) && /^check\s*:/m.test(text);
}
/** Policy-like YAML files under `dir`'s sub-folders (a few levels down), as paths relative to `dir`. */
function policiesInSubfolders(ws, dir, depth = 0) {
    if (depth > 3)
        return [];
    const found = [];
    for (const entry of (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true })) {
        if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules')
            continue;
        const sub = external_node_path_default().join(dir, entry.name);
        for (const f of (0,external_node_fs_namespaceObject.readdirSync)(sub, { withFileTypes: true }))
            if (f.isFile() && isYaml(f.name) && looksLikePolicy(ws, external_node_path_default().join(sub, f.name)))
                found.push(`${entry.name}/${f.name}`);
        for (const deeper of policiesInSubfolders(ws, sub, depth + 1))
            found.push(`${entry.name}/${deeper}`);
    }
    return found.sort();
}
const listed = (files) => `${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}`;
/** A pack's policy files in sub-folders would never run, and nothing would say so. */
function requireNoNestedPolicies(ws, abs, display) {
    const nested = policiesInSubfolders(ws, abs);
    if (nested.length > 0) {
        throw InputError.at({ file: display, line: 1, column: 1 }, `pack "${display}" has policy files in sub-folders (${listed(nested)}), which a pack does not read: its policy files sit directly beside pack.yaml. Move them up, or make each sub-folder a pack of its own (with pack.yaml) and pass it with --policies.`);
    }
}
/** A pack folder, or a folder of pack folders. */
function readPacks(ws, dirs, builtin, filesRead = []) {
    const packs = [];
    if (builtin) {
        const dir = builtinPackDir();
        packs.push(readPackDir(dir, `(built-in)/${external_node_path_default().basename(dir)}`, undefined, filesRead));
    }
    for (const written of dirs) {
        const abs = external_node_path_default().resolve(ws.cwd, written);
        const display = displayPath(ws, abs);
        if (!(0,external_node_fs_namespaceObject.existsSync)(abs) || !(0,external_node_fs_namespaceObject.statSync)(abs).isDirectory()) {
            throw InputError.at({ file: written, line: 1, column: 1 }, `policy pack folder "${written}" does not exist or is not a folder.`);
        }
        if (isPack(abs)) {
            // Read first: its pack.yaml must be a file of the workspace before anything under it is looked at.
            packs.push(readPackDir(abs, display, ws, filesRead));
            requireNoNestedPolicies(ws, abs, display);
            continue;
        }
        const entries = (0,external_node_fs_namespaceObject.readdirSync)(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
        // Followed like the paths the user wrote: a pack may be a symbolic link to a folder (its files are still confined).
        const isDir = (e) => (0,external_node_fs_namespaceObject.statSync)(external_node_path_default().join(abs, e.name), { throwIfNoEntry: false })?.isDirectory() === true;
        const children = entries.filter((c) => isDir(c) && isPack(external_node_path_default().join(abs, c.name))).map((c) => c.name);
        if (children.length === 0) {
            throw InputError.at({ file: display, line: 1, column: 1 }, `"${written}" is not a policy pack: it holds no pack.yaml, and no sub-folder does. A pack is a folder with pack.yaml and one YAML file per policy.`);
        }
        // A folder of packs: YAML beside the packs, or in a sub-folder without pack.yaml, would be skipped in silence.
        const loose = [
            ...entries.filter((e) => e.isFile() && isYaml(e.name) && looksLikePolicy(ws, external_node_path_default().join(abs, e.name))).map((e) => e.name),
            ...entries
                .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !children.includes(e.name))
                .flatMap((e) => ((0,external_node_fs_namespaceObject.readdirSync)(external_node_path_default().join(abs, e.name), { withFileTypes: true }).some((f) => f.isFile() && isYaml(f.name) && looksLikePolicy(ws, external_node_path_default().join(abs, e.name, f.name))) ? [`${e.name}/`] : [])),
        ];
        if (loose.length > 0) {
            throw InputError.at({ file: display, line: 1, column: 1 }, `"${written}" is a folder of packs (${listed(children)}), but it also holds policy files outside them (${listed(loose)}), which would not be read. A pack is a folder with pack.yaml: add one, or move the files into a pack.`);
        }
        for (const c of children) {
            packs.push(readPackDir(external_node_path_default().join(abs, c), `${display}/${c}`, ws, filesRead));
            requireNoNestedPolicies(ws, external_node_path_default().join(abs, c), `${display}/${c}`);
        }
    }
    return packs;
}

;// CONCATENATED MODULE: ./src/io/check-files.ts










const TOPOLOGY_MAX_BYTES = 8 * 1024 * 1024;
/** Plans of tens of thousands of resources run to hundreds of MiB; V8 strings stop near 512 MiB. */
// Plans are read from bytes, never as one string, so they may be as large as a file Node reads.
const PLAN_MAX_BYTES = 2 * 1024 * 1024 * 1024 - 1;
/** `.tf` files are only read to place findings: a bounded scan, files over the limit skipped. */
const TF_MAX_FILES = 20_000;
const TF_MAX_FILE_BYTES = 2 * 1024 * 1024;
const TF_MAX_TOTAL_BYTES = 128 * 1024 * 1024;
async function readTopologies(ws, patterns, filesRead) {
    const files = await expandPatterns(ws, splitPatterns(patterns), 'topology');
    return files.map((abs) => {
        const shown = displayPath(ws, abs);
        const text = decodeInput(readWorkspaceFile(ws, abs, shown, TOPOLOGY_MAX_BYTES), shown);
        filesRead.push(abs);
        return { path: shown, text };
    });
}
/** Plans named with --plan and those the topologies list (resolved inside the workspace), each read once. */
async function readPlans(ws, patterns, topologies, clients, filesRead) {
    const byPath = new Map();
    const problems = [];
    const given = splitPatterns(patterns);
    if (given.length > 0)
        for (const abs of await expandPatterns(ws, given, 'plan'))
            byPath.set(displayPath(ws, abs), abs);
    for (const link of topologyPlans(topologies, clients)) {
        if (byPath.has(link.path))
            continue;
        const topology = topologies.find((t) => link.location.file === t.path);
        const resolved = resolveInsideWorkspace(ws, external_node_path_default().resolve(ws.root, topology?.path ?? '.'), link.written);
        if (!resolved.ok) {
            problems.push({ ...link.location, message: resolved.reason });
            continue;
        }
        let isFile;
        try {
            isFile = (0,external_node_fs_namespaceObject.statSync)(resolved.absolute).isFile();
        }
        catch {
            isFile = false;
        }
        if (!isFile) {
            problems.push({ ...link.location, message: `plan "${link.written}" does not exist (looked in ${resolved.absolute}). Write the plan there first: terraform show -json plan.out > ${link.written}` });
            continue;
        }
        byPath.set(link.path, resolved.absolute);
    }
    if (problems.length > 0)
        throw new InputError(problems);
    return [...byPath.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([shown, abs]) => {
        const content = readWorkspaceFile(ws, abs, shown, PLAN_MAX_BYTES);
        filesRead.push(abs);
        return { path: shown, content };
    });
}
/** The workspace's `.tf` files, to find where each resource of a plan is declared. */
async function readTerraformSources(ws, filesRead) {
    const files = await glob(['**/*.tf'], {
        cwd: ws.root,
        absolute: true,
        onlyFiles: true,
        dot: false,
        ignore: ['**/.terraform/**', '**/node_modules/**', '**/.git/**'],
        expandDirectories: false,
    });
    const sources = [];
    let total = 0;
    for (const abs of files.sort().slice(0, TF_MAX_FILES)) {
        let size;
        try {
            size = (0,external_node_fs_namespaceObject.statSync)(abs).size;
        }
        catch {
            continue;
        }
        if (size > TF_MAX_FILE_BYTES || total + size > TF_MAX_TOTAL_BYTES)
            continue;
        const shown = displayPath(ws, abs);
        try {
            sources.push({ path: shown, text: decodeInput(readWorkspaceFile(ws, abs, shown, TF_MAX_FILE_BYTES), shown) });
            filesRead.push(abs);
            total += size;
        }
        catch {
            // A .tf that is not text, or a link out of the workspace, only loses its locations:
            // findings then point at the plan.
        }
    }
    return sources;
}
const hasInputs = (req) => splitPatterns(req.topology).length > 0 || splitPatterns(req.plan).length > 0;
function requireInputs(req) {
    if (!hasInputs(req)) {
        throw new MissingInputError('nothing to check: name a topology file and/or a plan');
    }
}
async function readInputs(req, clients, filesRead) {
    const topologies = await readTopologies(req.workspace, req.topology, filesRead);
    const plans = await readPlans(req.workspace, req.plan, topologies, clients, filesRead);
    const terraformSources = plans.length > 0 ? await readTerraformSources(req.workspace, filesRead) : [];
    return { topologies, plans, terraformSources };
}
async function checkFiles(req) {
    return (await checkFilesListingInputs(req)).report;
}
/** checkFiles, also telling which files it read, so that the CLI never writes its report over one. */
async function checkFilesListingInputs(req) {
    requireInputs(req);
    const filesRead = [];
    const packs = readPacks(req.workspace, req.policies, req.builtin, filesRead);
    const policies = loadPolicies(packs);
    // Checking against no policy would pass on nothing.
    if (policies.policies.length === 0) {
        throw new MissingInputError(`policies: no policy to check against: ${req.builtin ? 'the packs loaded hold none' : `the built-in pack is off (--no-builtin, action input builtin-policies: false) and ${req.policies.length === 0 ? 'no pack is given' : 'the packs given hold no policy'}`}. Pass packs with --policies DIR (action input policies), or keep the built-in pack.`);
    }
    const inputs = await readInputs(req, policies.clients, filesRead);
    return { report: runCheck({ version: req.version, packs, today: req.today, ...inputs }, policies), filesRead };
}
/**
 * Validates the packs and, when some are named, the topologies and plans: a pack author
 * runs `validate --policies DIR` with no input at all while writing the pack.
 */
async function validateFiles(req) {
    const packs = readPacks(req.workspace, req.policies, req.builtin);
    const policies = loadPolicies(packs);
    const summary = { topologies: 0, plans: 0, environments: 0, packs: packs.length, policies: policies.policies.length };
    if (!hasInputs(req))
        return summary;
    const inputs = await readInputs(req, policies.clients, []);
    const loaded = loadEnvironments(inputs, policies.clients);
    // What `check` would refuse before evaluating, `validate` refuses too.
    checkReferences({ environments: loaded.environments, policies: policies.policies, waivers: loaded.waivers, overrides: loaded.overrides, defaultClients: policies.clients.keys() });
    return { ...summary, topologies: inputs.topologies.length, plans: loaded.plans, environments: loaded.environments.length };
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/cli-args.ts

class UsageError extends Error {
}
const USAGE = `Usage: topogate <command> [options]

Commands:
  check      check topologies and plans against the policies (default)
  validate   validate inputs and policy packs only
  policies   list the policies with their ids, titles and sources

Options:
  --topology FILE|GLOB  topology file (repeatable; globs allowed)
  --plan FILE|GLOB      Terraform plan JSON from \`terraform show -json\` (repeatable)
  --policies DIR        an extra policy pack, or a folder of packs (repeatable)
  --no-builtin          do not load the built-in outsystems-11 pack
  --format FORMAT       text (default) | json | markdown | sarif
  --output FILE         write the report to FILE (the text report still goes to stdout)
  --fail-on LEVEL       error (default) | warning | notice | never
  --fail-on-unknown     unknown findings at or above --fail-on fail the run too
  --verbose             list passing checks in the text report
  --help, --version

Exit status: 0 nothing at or above --fail-on, 1 violations, 2 bad input or usage.`;
const FORMATS = ['text', 'json', 'markdown', 'sarif'];
const FAIL_ON = ['error', 'warning', 'notice', 'never'];
function parseCliArgs(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: [...argv],
            allowPositionals: true,
            strict: true,
            options: {
                topology: { type: 'string', multiple: true, short: 't' },
                plan: { type: 'string', multiple: true, short: 'p' },
                policies: { type: 'string', multiple: true },
                'no-builtin': { type: 'boolean' },
                format: { type: 'string', short: 'f' },
                output: { type: 'string', short: 'o' },
                'fail-on': { type: 'string' },
                'fail-on-unknown': { type: 'boolean' },
                verbose: { type: 'boolean', short: 'v' },
                help: { type: 'boolean', short: 'h' },
                version: { type: 'boolean' },
            },
        });
    }
    catch (e) {
        throw new UsageError(e.message);
    }
    const { values, positionals } = parsed;
    if (positionals.length > 1)
        throw new UsageError(`unexpected argument "${positionals[1]}"`);
    const commandText = positionals[0] ?? 'check';
    const commands = ['check', 'validate', 'policies'];
    if (!commands.includes(commandText))
        throw new UsageError(`unknown command "${commandText}"; commands: ${commands.join(', ')}`);
    const format = (values.format ?? 'text');
    if (!FORMATS.includes(format))
        throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
    const failOn = (values['fail-on'] ?? 'error');
    if (!FAIL_ON.includes(failOn))
        throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${values['fail-on']}"`);
    if (values.output === '')
        throw new UsageError('--output needs a file name');
    // validate and policies write no report: an --output that never appears would look like a lost report.
    if (commandText !== 'check' && !values.help && !values.version) {
        for (const option of ['output', 'format', 'fail-on', 'fail-on-unknown', 'verbose']) {
            if (values[option] !== undefined)
                throw new UsageError(`--${option} applies to check only; ${commandText} writes no report and evaluates no policy`);
        }
    }
    return {
        command: values.help ? 'help' : values.version ? 'version' : commandText,
        topology: values.topology ?? [],
        plan: values.plan ?? [],
        policies: values.policies ?? [],
        format,
        output: values.output,
        failOn,
        failOnUnknown: values['fail-on-unknown'] ?? false,
        builtin: !values['no-builtin'],
        verbose: values.verbose ?? false,
    };
}

;// CONCATENATED MODULE: ./src/cli/stderr-text.ts

/**
 * What the CLI prints on stderr quotes inputs (names, keys, values, file names), and a CI
 * log reads stderr too: a name holding a line break and `::error ...` would start a
 * workflow command, an ESC a terminal sequence, a U+202E reorder what the reader sees.
 */
// C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional marks,
// embeddings, overrides and isolates ("Trojan Source").
// eslint-disable-next-line no-control-regex
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** Each such character as a visible escape (`\n`, `\u001b`), so the reader sees what the input holds. */
function visibleEscapes(text) {
    return text.replace(UNSHOWABLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** One line for stderr: nothing unshowable, and never a workflow command. */
function safeStderrLine(text) {
    return safeLogLine(visibleEscapes(text));
}
/** Several lines, each made safe on its own; a line break inside one is shown, not obeyed. */
function safeStderrLines(lines) {
    return `${lines.map(safeStderrLine).join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/cli/run-cli.ts














function renderReport(report, options) {
    switch (options.format) {
        case 'json':
            return renderJson(report);
        case 'markdown':
            return renderMarkdown(report, { failOn: gateOfOptions(options) });
        case 'sarif':
            return renderSarif(report);
        default:
            return renderText(report, gateOfOptions(options), { verbose: options.verbose });
    }
}
async function runCli(argv, env) {
    let options;
    try {
        options = parseCliArgs(argv);
    }
    catch (e) {
        return printError(env, e);
    }
    if (options.command === 'help') {
        env.stdout(`${USAGE}\n`);
        return 0;
    }
    if (options.command === 'version') {
        env.stdout(`${env.version}\n`);
        return 0;
    }
    try {
        return await runCommand(options, env);
    }
    catch (e) {
        return printError(env, e);
    }
}
async function runCommand(options, env) {
    const ws = { root: env.cwd, cwd: env.cwd };
    const request = {
        workspace: ws,
        topology: options.topology,
        plan: options.plan,
        policies: options.policies,
        builtin: options.builtin,
        today: env.today,
        version: env.version,
    };
    if (options.command === 'policies') {
        const { policies } = loadPolicies(readPacks(ws, options.policies, options.builtin));
        for (const p of policies)
            env.stdout(`${safeLogLine(`${p.id}  ${p.severity.padEnd(7)}  ${p.title}  [${p.pack}]`)}\n    ${safeLogLine(p.source)}\n`);
        return 0;
    }
    const hasInputs = options.topology.length > 0 || options.plan.length > 0;
    if (options.command === 'validate') {
        if (!hasInputs && options.policies.length === 0)
            throw new UsageError('nothing to validate: pass --topology FILE, --plan FILE and/or --policies DIR');
        const v = await validateFiles(request);
        env.stdout(`valid: ${v.topologies} topology file(s), ${v.plans} plan(s), ${v.environments} environment(s), ${v.packs} policy pack(s) with ${v.policies} policies\n`);
        return 0;
    }
    if (!hasInputs)
        throw new UsageError('nothing to check: pass --topology FILE and/or --plan FILE');
    const output = options.output === undefined ? undefined : external_node_path_default().resolve(env.cwd, options.output);
    // A path the report cannot replace is refused before the check, not after it.
    if (output)
        requireWritableFilePath(output);
    const { report, filesRead } = await checkFilesListingInputs(request);
    const rendered = renderReport(report, options);
    if (output) {
        requireNotAnInput(output, filesRead);
        writeFileAtomically(output, rendered);
        env.stdout(renderText(report, gateOfOptions(options), { verbose: options.verbose }));
    }
    else {
        env.stdout(rendered);
    }
    return isFailing(report, gateOfOptions(options)) ? 1 : 0;
}
/**
 * Bad input, usage or output: exit 2 with a message on stderr, every line of which may
 * quote inputs and so goes through safeStderrLine. Anything else is a bug, thrown on.
 */
function printError(env, e) {
    if (e instanceof InputError) {
        const count = e.problems.length > 1 ? `${e.problems.length} problems; ` : '';
        env.stderr(safeStderrLines([...e.problems.map(formatProblem), `${count}nothing was checked.`]));
    }
    else if (e instanceof MissingInputError) {
        env.stderr(safeStderrLines([`topogate: ${e.message}`]));
    }
    else if (e instanceof OutputFileError) {
        env.stderr(safeStderrLines([`topogate: cannot write the report to ${e.file}: ${e.reason}. Nothing was written.`]));
    }
    else if (e instanceof UsageError) {
        // USAGE is our own text; only the message can quote an argument.
        env.stderr(`${safeStderrLine(`topogate: ${e.message}`)}\n\n${USAGE}\n`);
    }
    else {
        throw e;
    }
    return 2;
}

;// CONCATENATED MODULE: ./src/cli/index.ts



/** `topogate` on a terminal or another CI. */
// A reader that stops early (`topogate check ... | head`) closes the pipe: that ends the
// output, not the program with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e) => {
        if (e.code === 'EPIPE')
            process.exit(process.exitCode ?? 0);
        throw e;
    });
}
runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    today: new Date().toISOString().slice(0, 10),
    version: package_namespaceObject.rE,
}).then((code) => {
    process.exitCode = code;
}, (e) => {
    // A bug's message may still quote an input: its lines are made as safe as any other.
    const text = `topogate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    process.stderr.write(`${safeStderrLines(text.split('\n'))}Please report this with the input that caused it.\n`);
    process.exitCode = 2;
});


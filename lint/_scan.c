/* unlint._scan: the one scan of the near-miss search that Python cannot make cheap.
 *
 * ORG001 looks for near variants of a document's names at every place one of their
 * two-character prefixes starts (lint/structure/names.py, _prefix_starts). A page of
 * Chinese holds thousands of such places; found by an Aho-Corasick automaton and
 * filtered in Python, they cost about 3,000 instructions each, a twelfth of the whole
 * check. This loop reads the string's code points where CPython stores them and tests
 * each pair against a small hash table: a few instructions per character.
 *
 * It is optional: without a compiler the package installs without it and names.py
 * runs its pure-Python path, which tests/structure/test_scan_native.py holds equal.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Code points before which a Chinese name may start although they are Chinese
 * (function words): given by the caller, kept sorted for a binary search. */
typedef struct {
    Py_UCS4 *chars;
    Py_ssize_t count;
} CharSet;

/* The pairs, as 64-bit keys (first << 32 | second), in an open-addressing table;
 * 0 marks an empty slot (no pair is 0, 0: NUL NUL is no prefix of a name). */
typedef struct {
    uint64_t *slots;
    Py_ssize_t *values; /* the value of each slot's pair (window_starts: its group), or NULL */
    size_t mask;
    uint8_t first_seen[8192]; /* a bit per first code point modulo 65536: most places fail here */
} PairTable;

static uint64_t pair_key(Py_UCS4 first, Py_UCS4 second) {
    return ((uint64_t)first << 32) | (uint64_t)second;
}

static size_t pair_hash(uint64_t key) {
    key ^= key >> 29;
    key *= 0xbf58476d1ce4e5b9ULL;
    key ^= key >> 32;
    return (size_t)key;
}

/* The slot holding ``key``, or -1. */
static Py_ssize_t table_find(const PairTable *table, uint64_t key) {
    size_t slot = pair_hash(key) & table->mask;
    while (table->slots[slot]) {
        if (table->slots[slot] == key) {
            return (Py_ssize_t)slot;
        }
        slot = (slot + 1) & table->mask;
    }
    return -1;
}

static int table_has(const PairTable *table, uint64_t key) {
    return table_find(table, key) >= 0;
}

static void table_add(PairTable *table, uint64_t key, Py_ssize_t value) {
    size_t slot = pair_hash(key) & table->mask;
    while (table->slots[slot] && table->slots[slot] != key) {
        slot = (slot + 1) & table->mask;
    }
    table->slots[slot] = key;
    if (table->values != NULL) {
        table->values[slot] = value;
    }
    Py_UCS4 first = (Py_UCS4)(key >> 32) & 0xFFFF;
    table->first_seen[first >> 3] |= (uint8_t)(1u << (first & 7));
}

static int first_may_match(const PairTable *table, Py_UCS4 first) {
    first &= 0xFFFF;
    return (table->first_seen[first >> 3] >> (first & 7)) & 1;
}

static int table_alloc(PairTable *table, Py_ssize_t count, int with_values) {
    size_t size = 16;
    while (size < (size_t)count * 4) {
        size <<= 1;
    }
    table->slots = calloc(size, sizeof(uint64_t));
    table->values = with_values ? calloc(size, sizeof(Py_ssize_t)) : NULL;
    if (table->slots == NULL || (with_values && table->values == NULL)) {
        PyErr_NoMemory();
        return -1;
    }
    table->mask = size - 1;
    memset(table->first_seen, 0, sizeof(table->first_seen));
    return 0;
}

static void table_free(PairTable *table) {
    free(table->slots);
    free(table->values);
}

/* Add the two-character string ``key`` with ``value``; -1 with an exception set if it is none. */
static int table_add_string(PairTable *table, PyObject *key, Py_ssize_t value) {
    if (!PyUnicode_Check(key) || PyUnicode_READY(key) < 0 || PyUnicode_GET_LENGTH(key) != 2) {
        PyErr_SetString(PyExc_ValueError, "every key must be a string of two characters");
        return -1;
    }
    Py_UCS4 first = PyUnicode_READ_CHAR(key, 0), second = PyUnicode_READ_CHAR(key, 1);
    if (first == 0 && second == 0) {
        PyErr_SetString(PyExc_ValueError, "the key NUL NUL is not supported");
        return -1;
    }
    table_add(table, pair_key(first, second), value);
    return 0;
}

/* Fill ``table`` with the two-character strings of the sequence ``keys``; -1 with an exception set on error. */
static int table_fill(PairTable *table, PyObject *keys) {
    Py_ssize_t count = PySequence_Fast_GET_SIZE(keys);
    if (table_alloc(table, count, 0) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        if (table_add_string(table, PySequence_Fast_GET_ITEM(keys, i), 0) < 0) {
            return -1;
        }
    }
    return 0;
}

static int compare_chars(const void *left, const void *right) {
    Py_UCS4 a = *(const Py_UCS4 *)left, b = *(const Py_UCS4 *)right;
    return (a > b) - (a < b);
}

static int charset_fill(CharSet *set, PyObject *chars) {
    set->count = PyUnicode_GET_LENGTH(chars);
    set->chars = malloc(sizeof(Py_UCS4) * (size_t)(set->count + 1));
    if (set->chars == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < set->count; i++) {
        set->chars[i] = PyUnicode_READ_CHAR(chars, i);
    }
    qsort(set->chars, (size_t)set->count, sizeof(Py_UCS4), compare_chars);
    return 0;
}

static int charset_has(const CharSet *set, Py_UCS4 ch) {
    return bsearch(&ch, set->chars, (size_t)set->count, sizeof(Py_UCS4), compare_chars) != NULL;
}

/* Whether a name may start at a place whose character is ``here`` and whose previous one is
 * ``before`` (names.py's _may_start): after a non-letter for ASCII, after a character that is
 * not Chinese or is one of ``boundary`` for the rest. */
static int may_start(Py_UCS4 here, Py_UCS4 before, const CharSet *boundary) {
    if (here < 128) {
        return !Py_UNICODE_ISALNUM(before);
    }
    if (before < 0x4e00 || before > 0x9fff) {
        return 1;
    }
    return charset_has(boundary, before);
}

/* Append ``offset`` to the list ``found``; -1 with an exception set on failure. */
static int append_offset(PyObject *found, Py_ssize_t offset) {
    PyObject *number = PyLong_FromSsize_t(offset);
    if (number == NULL || PyList_Append(found, number) < 0) {
        Py_XDECREF(number);
        return -1;
    }
    Py_DECREF(number);
    return 0;
}

/* The scan, once per storage kind of the string, so that the read is a plain load. */
#define DEFINE_SCAN(NAME, TYPE)                                                              \
    static int NAME(const TYPE *data, Py_ssize_t length, const PairTable *table,            \
                    const CharSet *boundary, PyObject *found) {                              \
        for (Py_ssize_t i = 0; i + 1 < length; i++) {                                       \
            Py_UCS4 first = data[i];                                                         \
            if (!first_may_match(table, first) || !table_has(table, pair_key(first, data[i + 1]))) { \
                continue;                                                                    \
            }                                                                                \
            if (boundary != NULL && i > 0 && !may_start(first, data[i - 1], boundary)) {     \
                continue;                                                                    \
            }                                                                                \
            if (append_offset(found, i) < 0) {                                               \
                return -1;                                                                   \
            }                                                                                \
        }                                                                                    \
        return 0;                                                                            \
    }

DEFINE_SCAN(scan_ucs1, Py_UCS1)
DEFINE_SCAN(scan_ucs2, Py_UCS2)
DEFINE_SCAN(scan_ucs4, Py_UCS4)

PyDoc_STRVAR(pair_starts_doc,
"pair_starts(text, pairs, boundary=None, /)\n--\n\n"
"Every offset where one of the two-character strings ``pairs`` starts in ``text``, in order,\n"
"overlapping ones too. With ``boundary`` (a string of Chinese characters), only offsets where\n"
"a name may start: after a character that is not a letter or digit when the offset's character\n"
"is ASCII, otherwise after a character outside U+4E00-U+9FFF or one of ``boundary``.");

static PyObject *pair_starts(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs < 2 || nargs > 3) {
        PyErr_SetString(PyExc_TypeError, "pair_starts(text, pairs, boundary=None)");
        return NULL;
    }
    PyObject *text = args[0], *keys = args[1], *chars = nargs == 3 ? args[2] : Py_None;
    if (!PyUnicode_Check(text) || (chars != Py_None && !PyUnicode_Check(chars))) {
        PyErr_SetString(PyExc_TypeError, "text and boundary must be strings");
        return NULL;
    }
    if (PyUnicode_READY(text) < 0 || (chars != Py_None && PyUnicode_READY(chars) < 0)) {
        return NULL;
    }
    PyObject *sequence = PySequence_Fast(keys, "pairs must be iterable");
    if (sequence == NULL) {
        return NULL;
    }
    PairTable table = {0};
    CharSet boundary = {0};
    PyObject *found = NULL;
    if (table_fill(&table, sequence) < 0 || (chars != Py_None && charset_fill(&boundary, chars) < 0)) {
        goto done;
    }
    found = PyList_New(0);
    if (found == NULL) {
        goto done;
    }
    const CharSet *rule = chars == Py_None ? NULL : &boundary;
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int status;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        status = scan_ucs1(PyUnicode_1BYTE_DATA(text), length, &table, rule, found);
        break;
    case PyUnicode_2BYTE_KIND:
        status = scan_ucs2(PyUnicode_2BYTE_DATA(text), length, &table, rule, found);
        break;
    default:
        status = scan_ucs4(PyUnicode_4BYTE_DATA(text), length, &table, rule, found);
        break;
    }
    if (status < 0) {
        Py_CLEAR(found);
    }
done:
    table_free(&table);
    free(boundary.chars);
    Py_DECREF(sequence);
    return found;
}


/* -- window_starts: the places of the near-miss search worth a closer look ------------------- */

/* One name of a group (names.py's _Target): the tests _matches_at makes before its fuzzy pattern. */
typedef struct {
    Py_UCS4 *name;
    Py_ssize_t size, lowest; /* its last character must stand in [lowest, size + 2) after the place */
    Py_UCS4 *middle; /* the distinct characters between its first two and its last */
    Py_ssize_t middle_count, kept; /* of which a near match keeps at least ``kept`` */
} Target;

/* A group of names sharing a prefix (names.py's _Group): what a place must hold within reach. */
typedef struct {
    Py_UCS4 *lasts; /* the names' last characters */
    Py_ssize_t last_count;
    Py_ssize_t low, high; /* where, after the place, one of them must stand: [low, high) */
    Py_UCS4 **stems; /* or the place must start with one of these */
    Py_ssize_t *stem_lengths;
    Py_ssize_t stem_count;
    Target *targets;
    Py_ssize_t target_count;
} Window;

static Py_UCS4 *ucs4_copy(PyObject *string, Py_ssize_t *length) {
    if (!PyUnicode_Check(string) || PyUnicode_READY(string) < 0) {
        PyErr_SetString(PyExc_TypeError, "last characters and stems must be strings");
        return NULL;
    }
    *length = PyUnicode_GET_LENGTH(string);
    Py_UCS4 *copy = PyUnicode_AsUCS4Copy(string);
    return copy;
}

static void windows_free(Window *windows, Py_ssize_t count) {
    for (Py_ssize_t i = 0; windows != NULL && i < count; i++) {
        for (Py_ssize_t k = 0; windows[i].targets != NULL && k < windows[i].target_count; k++) {
            PyMem_Free(windows[i].targets[k].name);
            PyMem_Free(windows[i].targets[k].middle);
        }
        free(windows[i].targets);
        PyMem_Free(windows[i].lasts);
        for (Py_ssize_t k = 0; windows[i].stems != NULL && k < windows[i].stem_count; k++) {
            PyMem_Free(windows[i].stems[k]);
        }
        free(windows[i].stems);
        free(windows[i].stem_lengths);
    }
    free(windows);
}

/* ``spec`` is (name, lowest, middle, kept); -1 with an exception set if it is not. */
static int target_fill(Target *target, PyObject *spec) {
    PyObject *name, *middle;
    if (!PyTuple_Check(spec) || !PyArg_ParseTuple(spec, "UnUn", &name, &target->lowest, &middle, &target->kept)) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "a target is (name, lowest, middle, kept)");
        }
        return -1;
    }
    target->name = ucs4_copy(name, &target->size);
    target->middle = target->name == NULL ? NULL : ucs4_copy(middle, &target->middle_count);
    if (target->middle == NULL) {
        return -1;
    }
    if (target->size < 1 || target->lowest < 0) {
        PyErr_SetString(PyExc_ValueError, "a target needs a name and 0 <= lowest");
        return -1;
    }
    return 0;
}

/* ``spec`` is (lasts, low, high, stems, targets); -1 with an exception set if it is not. */
static int window_fill(Window *window, PyObject *spec) {
    PyObject *lasts, *stems, *targets;
    if (!PyTuple_Check(spec) || !PyArg_ParseTuple(spec, "UnnO!O!", &lasts, &window->low, &window->high,
                                                  &PyTuple_Type, &stems, &PyTuple_Type, &targets)) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "a group is (lasts, low, high, stems, targets)");
        }
        return -1;
    }
    window->target_count = PyTuple_GET_SIZE(targets);
    window->targets = calloc((size_t)window->target_count + 1, sizeof(Target));
    if (window->targets == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < window->target_count; k++) {
        if (target_fill(&window->targets[k], PyTuple_GET_ITEM(targets, k)) < 0) {
            return -1;
        }
    }
    if (window->low < 0 || window->high < window->low) {
        PyErr_SetString(PyExc_ValueError, "a group's window must have 0 <= low <= high");
        return -1;
    }
    window->lasts = ucs4_copy(lasts, &window->last_count);
    if (window->lasts == NULL) {
        return -1;
    }
    window->stem_count = PyTuple_GET_SIZE(stems);
    window->stems = calloc((size_t)window->stem_count + 1, sizeof(Py_UCS4 *));
    window->stem_lengths = calloc((size_t)window->stem_count + 1, sizeof(Py_ssize_t));
    if (window->stems == NULL || window->stem_lengths == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < window->stem_count; k++) {
        window->stems[k] = ucs4_copy(PyTuple_GET_ITEM(stems, k), &window->stem_lengths[k]);
        if (window->stems[k] == NULL) {
            return -1;
        }
    }
    return 0;
}

static const char *WINDOW_NAME = "unlint._scan.Window";

static void window_capsule_free(PyObject *capsule) {
    Window *window = PyCapsule_GetPointer(capsule, WINDOW_NAME);
    windows_free(window, 1);
}

PyDoc_STRVAR(make_window_doc,
"make_window(group, /)\n--\n\n"
"A group ``(lasts, low, high, stems, targets)``, each target ``(name, lowest, middle, kept)``, read\n"
"once into the form window_starts uses (an opaque capsule): a group serves document after document.");

static PyObject *make_window(PyObject *module, PyObject *spec) {
    Window *window = calloc(1, sizeof(Window));
    if (window == NULL) {
        return PyErr_NoMemory();
    }
    if (window_fill(window, spec) < 0) {
        windows_free(window, 1);
        return NULL;
    }
    PyObject *capsule = PyCapsule_New(window, WINDOW_NAME, window_capsule_free);
    if (capsule == NULL) {
        windows_free(window, 1);
    }
    return capsule;
}

static int holds_last(const Window *window, int kind, const void *data, Py_ssize_t from, Py_ssize_t to) {
    for (Py_ssize_t j = from; j < to; j++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, j);
        for (Py_ssize_t k = 0; k < window->last_count; k++) {
            if (window->lasts[k] == ch) {
                return 1;
            }
        }
    }
    return 0;
}

static int holds_char(Py_UCS4 wanted, int kind, const void *data, Py_ssize_t from, Py_ssize_t to) {
    for (Py_ssize_t j = from; j < to; j++) {
        if (PyUnicode_READ(kind, data, j) == wanted) {
            return 1;
        }
    }
    return 0;
}

/* Whether ``target`` may match at ``at`` (text up to ``end``): its last character within reach,
 * and the name written there exactly or enough of its middle characters kept (_matches_at's tests). */
static int target_may_match(const Target *target, int kind, const void *data, Py_ssize_t at, Py_ssize_t end) {
    Py_ssize_t size = target->size, to = at + size + 2 < end ? at + size + 2 : end;
    if (!holds_char(target->name[size - 1], kind, data, at + target->lowest, to)) {
        return 0;
    }
    if (at + size <= end) {
        Py_ssize_t j = 0;
        while (j < size && PyUnicode_READ(kind, data, at + j) == target->name[j]) {
            j++;
        }
        if (j == size) {
            return 1;
        }
    }
    Py_ssize_t kept = 0, segment_end = at + size + 1 < end ? at + size + 1 : end;
    for (Py_ssize_t k = 0; k < target->middle_count; k++) {
        kept += holds_char(target->middle[k], kind, data, at + 2, segment_end);
    }
    return kept >= target->kept;
}

static int any_target_may_match(const Window *window, int kind, const void *data, Py_ssize_t at, Py_ssize_t end) {
    for (Py_ssize_t k = 0; k < window->target_count; k++) {
        if (target_may_match(&window->targets[k], kind, data, at, end)) {
            return 1;
        }
    }
    return 0;
}

static int starts_with_stem(const Window *window, int kind, const void *data, Py_ssize_t at, Py_ssize_t end) {
    for (Py_ssize_t k = 0; k < window->stem_count; k++) {
        Py_ssize_t length = window->stem_lengths[k], j = 0;
        if (at + length > end) {
            continue;
        }
        while (j < length && PyUnicode_READ(kind, data, at + j) == window->stems[k][j]) {
            j++;
        }
        if (j == length) {
            return 1;
        }
    }
    return 0;
}

PyDoc_STRVAR(window_starts_doc,
"window_starts(text, groups, reach, known, boundary=None, /)\n--\n\n"
"The offsets of pair_starts(text, groups, boundary) that are not in ``known`` (ascending offsets)\n"
"and where, for the pair's group ``(lasts, low, high, stems, targets)`` (made by make_window) and the text\n"
"following = text[offset:offset + reach], following starts with one of ``stems``, or one of\n"
"``lasts`` stands in following[low:high] and a target ``(name, lowest, middle, kept)`` may match:\n"
"name[-1] in following[lowest:len(name) + 2], and following starts with name or at least ``kept``\n"
"of the characters ``middle`` stand in following[2:len(name) + 1] (names.py's _matches_at tests).");

static PyObject *window_starts(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs < 4 || nargs > 5 || !PyUnicode_Check(args[0]) || !PyDict_Check(args[1]) ||
        !PyLong_Check(args[2]) || !PyList_Check(args[3]) || (nargs == 5 && args[4] != Py_None && !PyUnicode_Check(args[4]))) {
        PyErr_SetString(PyExc_TypeError, "window_starts(text: str, groups: dict, reach: int, known: list, boundary=None)");
        return NULL;
    }
    PyObject *text = args[0], *groups = args[1], *known = args[3], *chars = nargs == 5 ? args[4] : Py_None;
    Py_ssize_t reach = PyLong_AsSsize_t(args[2]);
    if ((reach == -1 && PyErr_Occurred()) || PyUnicode_READY(text) < 0 || (chars != Py_None && PyUnicode_READY(chars) < 0)) {
        return NULL;
    }
    Py_ssize_t count = PyDict_GET_SIZE(groups), known_count = PyList_GET_SIZE(known), known_index = 0;
    PairTable table = {0};
    CharSet boundary = {0};
    const Window **windows = calloc((size_t)count + 1, sizeof(Window *));
    PyObject *found = NULL;
    if (windows == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (table_alloc(&table, count, 1) < 0 || (chars != Py_None && charset_fill(&boundary, chars) < 0)) {
        goto done;
    }
    PyObject *pair, *spec;
    Py_ssize_t position = 0, index = 0;
    while (PyDict_Next(groups, &position, &pair, &spec)) {
        windows[index] = PyCapsule_GetPointer(spec, WINDOW_NAME); /* sets the error for anything else */
        if (windows[index] == NULL || table_add_string(&table, pair, index) < 0) {
            goto done;
        }
        index++;
    }
    found = PyList_New(0);
    if (found == NULL) {
        goto done;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    const CharSet *rule = chars == Py_None ? NULL : &boundary;
    for (Py_ssize_t i = 0; i + 1 < length; i++) {
        Py_UCS4 first = PyUnicode_READ(kind, data, i);
        if (!first_may_match(&table, first)) {
            continue;
        }
        Py_ssize_t slot = table_find(&table, pair_key(first, PyUnicode_READ(kind, data, i + 1)));
        if (slot < 0 || (rule != NULL && i > 0 && !may_start(first, PyUnicode_READ(kind, data, i - 1), rule))) {
            continue;
        }
        while (known_index < known_count) {
            Py_ssize_t offset = PyLong_AsSsize_t(PyList_GET_ITEM(known, known_index));
            if (offset == -1 && PyErr_Occurred()) {
                Py_CLEAR(found);
                goto done;
            }
            if (offset >= i) {
                break;
            }
            known_index++;
        }
        if (known_index < known_count && PyLong_AsSsize_t(PyList_GET_ITEM(known, known_index)) == i) {
            continue;
        }
        const Window *window = windows[table.values[slot]];
        Py_ssize_t end = i + reach < length ? i + reach : length;
        Py_ssize_t to = i + (window->high < reach ? window->high : reach);
        if (to > length) {
            to = length;
        }
        if (!starts_with_stem(window, kind, data, i, end) &&
            (!holds_last(window, kind, data, i + window->low, to) || !any_target_may_match(window, kind, data, i, end))) {
            continue;
        }
        if (append_offset(found, i) < 0) {
            Py_CLEAR(found);
            goto done;
        }
    }
done:
    table_free(&table);
    free(boundary.chars);
    free(windows);
    return found;
}

/* -- the registry's leftmost-longest scan --------------------------------------------------- */

/* The registry's words as a trie: edges in one open-addressing table keyed by (node, character);
 * node 0 is the root. ``word_at[node]`` is the word that ends there (the first given), or -1. */
typedef struct {
    uint64_t *edge_keys; /* (node + 1) << 32 | character; 0 is an empty slot */
    Py_ssize_t *edge_children;
    size_t edge_mask;
    Py_ssize_t *word_at;
    Py_ssize_t *word_lengths;
    Py_ssize_t node_count, word_count;
    uint8_t first_seen[8192]; /* a bit per first character modulo 65536 */
} Trie;

static const char *TRIE_NAME = "unlint._scan.Trie";

static void trie_free(Trie *trie) {
    if (trie != NULL) {
        free(trie->edge_keys);
        free(trie->edge_children);
        free(trie->word_at);
        free(trie->word_lengths);
        free(trie);
    }
}

static void trie_capsule_free(PyObject *capsule) {
    trie_free(PyCapsule_GetPointer(capsule, TRIE_NAME));
}

static uint64_t edge_key(Py_ssize_t node, Py_UCS4 ch) {
    return ((uint64_t)(node + 1) << 32) | (uint64_t)ch;
}

static Py_ssize_t trie_child(const Trie *trie, Py_ssize_t node, Py_UCS4 ch) {
    uint64_t key = edge_key(node, ch);
    size_t slot = pair_hash(key) & trie->edge_mask;
    while (trie->edge_keys[slot]) {
        if (trie->edge_keys[slot] == key) {
            return trie->edge_children[slot];
        }
        slot = (slot + 1) & trie->edge_mask;
    }
    return -1;
}

static Py_ssize_t trie_add_child(Trie *trie, Py_ssize_t node, Py_UCS4 ch) {
    uint64_t key = edge_key(node, ch);
    size_t slot = pair_hash(key) & trie->edge_mask;
    while (trie->edge_keys[slot]) {
        if (trie->edge_keys[slot] == key) {
            return trie->edge_children[slot];
        }
        slot = (slot + 1) & trie->edge_mask;
    }
    trie->edge_keys[slot] = key;
    trie->edge_children[slot] = trie->node_count;
    trie->word_at[trie->node_count] = -1;
    return trie->node_count++;
}

PyDoc_STRVAR(word_trie_doc,
"word_trie(words, /)\n--\n\n"
"The non-empty strings ``words`` as a trie for longest_matches (an opaque capsule).");

static PyObject *word_trie(PyObject *module, PyObject *words_argument) {
    PyObject *words = PySequence_Fast(words_argument, "words must be a sequence of strings");
    if (words == NULL) {
        return NULL;
    }
    Py_ssize_t count = PySequence_Fast_GET_SIZE(words), chars = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PySequence_Fast_GET_ITEM(words, i);
        if (!PyUnicode_Check(word) || PyUnicode_READY(word) < 0 || PyUnicode_GET_LENGTH(word) == 0) {
            PyErr_SetString(PyExc_ValueError, "every word must be a non-empty string");
            Py_DECREF(words);
            return NULL;
        }
        chars += PyUnicode_GET_LENGTH(word);
    }
    Trie *trie = calloc(1, sizeof(Trie));
    size_t size = 16;
    while (size < (size_t)chars * 2 + 2) {
        size <<= 1;
    }
    if (trie != NULL) {
        trie->edge_keys = calloc(size, sizeof(uint64_t));
        trie->edge_children = calloc(size, sizeof(Py_ssize_t));
        trie->word_at = malloc(sizeof(Py_ssize_t) * (size_t)(chars + 1));
        trie->word_lengths = malloc(sizeof(Py_ssize_t) * (size_t)(count + 1));
    }
    if (trie == NULL || !trie->edge_keys || !trie->edge_children || !trie->word_at || !trie->word_lengths) {
        trie_free(trie);
        Py_DECREF(words);
        return PyErr_NoMemory();
    }
    trie->edge_mask = size - 1;
    trie->node_count = 1;
    trie->word_at[0] = -1;
    trie->word_count = count;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PySequence_Fast_GET_ITEM(words, i);
        Py_ssize_t length = PyUnicode_GET_LENGTH(word), node = 0;
        for (Py_ssize_t j = 0; j < length; j++) {
            node = trie_add_child(trie, node, PyUnicode_READ_CHAR(word, j));
        }
        if (trie->word_at[node] < 0) {
            trie->word_at[node] = i; /* a word given twice: the first, as the automaton reports it */
        }
        trie->word_lengths[i] = length;
        Py_UCS4 first = PyUnicode_READ_CHAR(word, 0) & 0xFFFF;
        trie->first_seen[first >> 3] |= (uint8_t)(1u << (first & 7));
    }
    Py_DECREF(words);
    PyObject *capsule = PyCapsule_New(trie, TRIE_NAME, trie_capsule_free);
    if (capsule == NULL) {
        trie_free(trie);
    }
    return capsule;
}

/* The longest word starting at ``at`` and ending by ``end``: its index, its end in ``*stop``; -1 if none. */
static Py_ssize_t longest_at(const Trie *trie, int kind, const void *data, Py_ssize_t at, Py_ssize_t end,
                             Py_ssize_t *stop) {
    Py_ssize_t node = 0, best = -1;
    for (Py_ssize_t j = at; j < end; j++) {
        node = trie_child(trie, node, PyUnicode_READ(kind, data, j));
        if (node < 0) {
            break;
        }
        if (trie->word_at[node] >= 0) {
            best = trie->word_at[node];
            *stop = j + 1;
        }
    }
    return best;
}

/* Whether a bounded name may start at ``at`` (names.py's after_zh_boundary). */
static int after_zh_boundary(int kind, const void *data, Py_ssize_t at, const CharSet *boundary) {
    if (at == 0) {
        return 1;
    }
    Py_UCS4 before = PyUnicode_READ(kind, data, at - 1);
    return before < 0x4e00 || before > 0x9fff || charset_has(boundary, before);
}

PyDoc_STRVAR(registry_find_doc,
"registry_find(trie, text, start, end, forms, bounded, boundary, mention, /)\n--\n\n"
"Registry.find's scan: leftmost-longest matches of the trie's words in text[start:end], not\n"
"overlapping. ``forms[i]`` is word i's form, or None for a word that is no name (its match hides\n"
"the words inside it and is dropped); where ``bounded[i]`` is non-zero and the character before\n"
"the match is Chinese and not in ``boundary``, the match is refused and the scan goes on from\n"
"its second character. Each kept match is a ``mention`` (a tuple subclass): (start, end, form).");

static PyObject *registry_find(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 8 || !PyUnicode_Check(args[1]) || !PyTuple_Check(args[4]) || !PyBytes_Check(args[5]) ||
        !PyUnicode_Check(args[6]) || !PyType_Check(args[7]) ||
        !PyType_IsSubtype((PyTypeObject *)args[7], &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "registry_find(trie, text: str, start: int, end: int, forms: tuple, "
                                         "bounded: bytes, boundary: str, mention: tuple type)");
        return NULL;
    }
    Trie *trie = PyCapsule_GetPointer(args[0], TRIE_NAME);
    Py_ssize_t start = PyLong_AsSsize_t(args[2]), end = PyLong_AsSsize_t(args[3]);
    PyObject *text = args[1], *forms = args[4];
    PyTypeObject *mention = (PyTypeObject *)args[7];
    if (trie == NULL || PyErr_Occurred() || PyUnicode_READY(text) < 0 || PyUnicode_READY(args[6]) < 0) {
        return NULL;
    }
    if (PyTuple_GET_SIZE(forms) != trie->word_count || PyBytes_GET_SIZE(args[5]) != trie->word_count) {
        PyErr_SetString(PyExc_ValueError, "forms and bounded must have one entry per word");
        return NULL;
    }
    const char *bounded = PyBytes_AS_STRING(args[5]);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    end = end > length ? length : end;
    start = start < 0 ? 0 : start;
    CharSet boundary = {0};
    if (charset_fill(&boundary, args[6]) < 0) {
        return NULL;
    }
    PyObject *found = PyList_New(0);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t at = start;
    while (found != NULL && at < end) {
        Py_UCS4 first = PyUnicode_READ(kind, data, at) & 0xFFFF;
        Py_ssize_t stop = at, which = -1;
        if ((trie->first_seen[first >> 3] >> (first & 7)) & 1) {
            which = longest_at(trie, kind, data, at, end, &stop);
        }
        if (which < 0) {
            at++;
            continue;
        }
        PyObject *form = PyTuple_GET_ITEM(forms, which);
        if (form == Py_None) {
            at = stop; /* a word that is no name: it hides the names inside it */
            continue;
        }
        if (bounded[which] && !after_zh_boundary(kind, data, at, &boundary)) {
            at++; /* refused: the scan goes on from the match's second character */
            continue;
        }
        PyObject *item = mention->tp_alloc(mention, 3);
        PyObject *from = PyLong_FromSsize_t(at), *to = PyLong_FromSsize_t(stop);
        if (item == NULL || from == NULL || to == NULL) {
            Py_XDECREF(item);
            Py_XDECREF(from);
            Py_XDECREF(to);
            Py_CLEAR(found);
            break;
        }
        Py_INCREF(form);
        PyTuple_SET_ITEM(item, 0, from);
        PyTuple_SET_ITEM(item, 1, to);
        PyTuple_SET_ITEM(item, 2, form);
        if (PyList_Append(found, item) < 0) {
            Py_CLEAR(found);
        }
        Py_DECREF(item);
        at = stop;
    }
    free(boundary.chars);
    return found;
}

/* -- char_positions: where any of a set of characters stands --------------------------------- */

/* A set of characters: a bit per code point below 65536, a sorted list above. */
typedef struct {
    uint8_t low[8192];
    CharSet high;
} CharBits;

static int charbits_fill(CharBits *bits, PyObject *chars) {
    memset(bits->low, 0, sizeof(bits->low));
    Py_ssize_t count = PyUnicode_GET_LENGTH(chars), high = 0;
    bits->high.chars = malloc(sizeof(Py_UCS4) * (size_t)(count + 1));
    if (bits->high.chars == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(chars, i);
        if (ch < 65536) {
            bits->low[ch >> 3] |= (uint8_t)(1u << (ch & 7));
        } else {
            bits->high.chars[high++] = ch;
        }
    }
    bits->high.count = high;
    qsort(bits->high.chars, (size_t)high, sizeof(Py_UCS4), compare_chars);
    return 0;
}

static int charbits_has(const CharBits *bits, Py_UCS4 ch) {
    if (ch < 65536) {
        return (bits->low[ch >> 3] >> (ch & 7)) & 1;
    }
    return bits->high.count && charset_has(&bits->high, ch);
}

#define DEFINE_CHAR_SCAN(NAME, TYPE)                                                         \
    static int NAME(const TYPE *data, Py_ssize_t from, Py_ssize_t to, const CharBits *bits,  \
                    PyObject *found) {                                                       \
        for (Py_ssize_t i = from; i < to; i++) {                                             \
            if (!charbits_has(bits, data[i])) {                                              \
                continue;                                                                    \
            }                                                                                \
            if (append_offset(found, i) < 0) {                                               \
                return -1;                                                                   \
            }                                                                                \
        }                                                                                    \
        return 0;                                                                            \
    }

DEFINE_CHAR_SCAN(chars_ucs1, Py_UCS1)
DEFINE_CHAR_SCAN(chars_ucs2, Py_UCS2)
DEFINE_CHAR_SCAN(chars_ucs4, Py_UCS4)

PyDoc_STRVAR(char_positions_doc,
"char_positions(text, chars, start=0, end=len(text), /)\n--\n\n"
"The offsets, ascending, of every character of text[start:end] that is one of ``chars``.");

static PyObject *char_positions(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs < 2 || nargs > 4 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "char_positions(text: str, chars: str, start=0, end=len(text))");
        return NULL;
    }
    PyObject *text = args[0];
    if (PyUnicode_READY(text) < 0 || PyUnicode_READY(args[1]) < 0) {
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    Py_ssize_t from = nargs > 2 ? PyLong_AsSsize_t(args[2]) : 0, to = nargs > 3 ? PyLong_AsSsize_t(args[3]) : length;
    if (PyErr_Occurred()) {
        return NULL;
    }
    /* As a slice's bounds: negative ones count from the end, and both are clipped to the text. */
    from = from < 0 ? (from + length < 0 ? 0 : from + length) : (from > length ? length : from);
    to = to < 0 ? (to + length < 0 ? 0 : to + length) : (to > length ? length : to);
    CharBits *bits = malloc(sizeof(CharBits));
    if (bits == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *found = NULL;
    if (charbits_fill(bits, args[1]) == 0 && (found = PyList_New(0)) != NULL) {
        int status;
        switch (PyUnicode_KIND(text)) {
        case PyUnicode_1BYTE_KIND:
            status = chars_ucs1(PyUnicode_1BYTE_DATA(text), from, to, bits, found);
            break;
        case PyUnicode_2BYTE_KIND:
            status = chars_ucs2(PyUnicode_2BYTE_DATA(text), from, to, bits, found);
            break;
        default:
            status = chars_ucs4(PyUnicode_4BYTE_DATA(text), from, to, bits, found);
            break;
        }
        if (status < 0) {
            Py_CLEAR(found);
        }
    }
    free(bits->high.chars);
    free(bits);
    return found;
}

/* -- repeat_runs: a character of a set written twice or more in a row ----------------------- */

#define DEFINE_RUN_SCAN(NAME, TYPE)                                                          \
    static int NAME(const TYPE *data, Py_ssize_t length, const CharBits *bits, PyObject *found) { \
        Py_ssize_t i = 0;                                                                    \
        while (i + 1 < length) {                                                             \
            Py_UCS4 ch = data[i];                                                            \
            if (data[i + 1] != ch || !charbits_has(bits, ch)) {                              \
                i++;                                                                         \
                continue;                                                                    \
            }                                                                                \
            Py_ssize_t end = i + 2;                                                          \
            while (end < length && data[end] == ch) {                                        \
                end++;                                                                       \
            }                                                                                \
            PyObject *run = Py_BuildValue("(nn)", i, end);                                   \
            if (run == NULL || PyList_Append(found, run) < 0) {                              \
                Py_XDECREF(run);                                                             \
                return -1;                                                                   \
            }                                                                                \
            Py_DECREF(run);                                                                  \
            i = end;                                                                         \
        }                                                                                    \
        return 0;                                                                            \
    }

DEFINE_RUN_SCAN(runs_ucs1, Py_UCS1)
DEFINE_RUN_SCAN(runs_ucs2, Py_UCS2)
DEFINE_RUN_SCAN(runs_ucs4, Py_UCS4)

PyDoc_STRVAR(repeat_runs_doc,
"repeat_runs(text, chars, /)\n--\n\n"
"(start, end) of every run of one of ``chars`` written two or more times in a row, in order:\n"
"what re.finditer('([chars])\\\\1+', text) gives.");

static PyObject *repeat_runs(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "repeat_runs(text: str, chars: str)");
        return NULL;
    }
    PyObject *text = args[0];
    if (PyUnicode_READY(text) < 0 || PyUnicode_READY(args[1]) < 0) {
        return NULL;
    }
    CharBits *bits = malloc(sizeof(CharBits));
    if (bits == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *found = NULL;
    if (charbits_fill(bits, args[1]) == 0 && (found = PyList_New(0)) != NULL) {
        Py_ssize_t length = PyUnicode_GET_LENGTH(text);
        int status;
        switch (PyUnicode_KIND(text)) {
        case PyUnicode_1BYTE_KIND:
            status = runs_ucs1(PyUnicode_1BYTE_DATA(text), length, bits, found);
            break;
        case PyUnicode_2BYTE_KIND:
            status = runs_ucs2(PyUnicode_2BYTE_DATA(text), length, bits, found);
            break;
        default:
            status = runs_ucs4(PyUnicode_4BYTE_DATA(text), length, bits, found);
            break;
        }
        if (status < 0) {
            Py_CLEAR(found);
        }
    }
    free(bits->high.chars);
    free(bits);
    return found;
}

static PyMethodDef scan_methods[] = {
    {"repeat_runs", (PyCFunction)(void (*)(void))repeat_runs, METH_FASTCALL, repeat_runs_doc},
    {"char_positions", (PyCFunction)(void (*)(void))char_positions, METH_FASTCALL, char_positions_doc},
    {"word_trie", (PyCFunction)word_trie, METH_O, word_trie_doc},
    {"registry_find", (PyCFunction)(void (*)(void))registry_find, METH_FASTCALL, registry_find_doc},
    {"pair_starts", (PyCFunction)(void (*)(void))pair_starts, METH_FASTCALL, pair_starts_doc},
    {"window_starts", (PyCFunction)(void (*)(void))window_starts, METH_FASTCALL, window_starts_doc},
    {"make_window", (PyCFunction)make_window, METH_O, make_window_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef scan_module = {
    PyModuleDef_HEAD_INIT, "_scan", "Native scans of unlint's hottest loops (optional).", 0, scan_methods,
};

PyMODINIT_FUNC PyInit__scan(void) {
    return PyModuleDef_Init(&scan_module);
}

// SQL expressions as PostgreSQL 15 writes them (the `where`, `condition` and
// `expression` values of a DataMigration), plus the SELECT of a subquery, and
// the DML statements of a customSQL (statementRoot: [WITH ...] UPDATE, INSERT,
// DELETE or SELECT), which PostgreSQL's own parser has already accepted.
//
// Precedence follows PostgreSQL's gram.y. In an ANTLR left-recursive rule the
// alternatives listed first bind tightest, and a binary alternative parses its
// right operand one level above its own, which is bison's left associativity.
// Operators of one left-associative level share one alternative. PostgreSQL's
// non-associative levels (IS, comparisons, BETWEEN/IN/LIKE) are checked by the
// IR builder (frontend/ExprBuilder.cpp): `a = b = c` parses here and is
// rejected there, at the second operator, as bison would.
//
// Lexing is shared with a post-pass in C++ (frontend/ExprLexer.cpp), as
// PostgreSQL's own base_yylex filters its scanner:
//  * words are lexed as IDENT and re-typed to the K_* keyword tokens declared
//    below (the keyword list lives only here: the post-pass builds its table
//    from this grammar's vocabulary);
//  * operator characters are lexed one by one and merged by PostgreSQL's rules
//    (a multi-character operator may not end in + or - unless it contains one
//    of ~!@#%^&|`?) into LE, GE, NE, CONCAT, ARROW, ARROW2, EQGT or OTHER_OP.
// Constructs PostgreSQL accepts but we do not model (ARRAY[...], subscripts,
// window functions, other operators, ...) are parsed loosely here so that the
// builder can report them as unsupported at their exact position.
grammar SqlExpr;

tokens {
  // Operators produced by the C++ post-pass.
  LE, GE, NE, CONCAT, ARROW, ARROW2, EQGT, OTHER_OP,
  // A block comment without its end, produced by the C++ lexer.
  UNTERMINATED_COMMENT,
  // NOT followed by BETWEEN, IN, LIKE, ILIKE or SIMILAR (PostgreSQL's lexer
  // filter does the same), so that a NOT after an operand that starts none
  // of these is an error at the NOT, as in PostgreSQL.
  NOT_LA,
  // WITH followed by TIME (`timestamp with time zone`), likewise.
  WITH_LA,
  // Keywords (re-typed from IDENT by the post-pass). Reserved in PostgreSQL:
  K_ALL, K_ANALYSE, K_ANALYZE, K_AND, K_ANY, K_ARRAY, K_AS, K_ASC, K_ASYMMETRIC,
  K_BOTH, K_CASE, K_CAST, K_CHECK, K_COLLATE, K_COLUMN, K_CONSTRAINT, K_CREATE,
  K_CURRENT_CATALOG, K_CURRENT_DATE, K_CURRENT_ROLE, K_CURRENT_TIME,
  K_CURRENT_TIMESTAMP, K_CURRENT_USER, K_DEFAULT, K_DEFERRABLE, K_DESC,
  K_DISTINCT, K_DO, K_ELSE, K_END, K_EXCEPT, K_FALSE, K_FETCH, K_FOR,
  K_FOREIGN, K_FROM, K_GRANT, K_GROUP, K_HAVING, K_IN, K_INITIALLY,
  K_INTERSECT, K_INTO, K_LATERAL, K_LEADING, K_LIMIT, K_LOCALTIME,
  K_LOCALTIMESTAMP, K_NOT, K_NULL, K_OFFSET, K_ON, K_ONLY, K_OR, K_ORDER,
  K_PLACING, K_PRIMARY, K_REFERENCES, K_RETURNING, K_SELECT, K_SESSION_USER,
  K_SOME, K_SYMMETRIC, K_TABLE, K_THEN, K_TO, K_TRAILING, K_TRUE, K_UNION,
  K_UNIQUE, K_USER, K_USING, K_VARIADIC, K_WHEN, K_WHERE, K_WINDOW, K_WITH,
  // PostgreSQL's type_func_name_keyword: function or type names, not columns.
  K_AUTHORIZATION, K_BINARY, K_COLLATION, K_CONCURRENTLY, K_CROSS,
  K_CURRENT_SCHEMA, K_FREEZE, K_FULL, K_ILIKE, K_INNER, K_IS, K_ISNULL,
  K_JOIN, K_LEFT, K_LIKE, K_NATURAL, K_NOTNULL, K_OUTER, K_OVERLAPS, K_RIGHT,
  K_SIMILAR, K_TABLESAMPLE, K_VERBOSE,
  // PostgreSQL's col_name_keyword that the grammar uses: columns, not functions
  // (`numeric(10,2)` is a type, never a call).
  K_BETWEEN, K_BIGINT, K_BIT, K_BOOLEAN, K_CHAR, K_CHARACTER, K_COALESCE, K_DEC,
  K_DECIMAL, K_EXISTS, K_EXTRACT, K_FLOAT, K_GREATEST, K_GROUPING, K_INOUT,
  K_INT, K_INTEGER, K_INTERVAL, K_LEAST, K_NATIONAL, K_NCHAR, K_NONE,
  K_NORMALIZE, K_NULLIF, K_NUMERIC, K_OUT, K_OVERLAY, K_POSITION, K_PRECISION,
  K_REAL, K_ROW, K_SETOF, K_SMALLINT, K_SUBSTRING, K_TIME, K_TIMESTAMP, K_TREAT,
  K_TRIM, K_VALUES, K_VARCHAR, K_XMLATTRIBUTES, K_XMLCONCAT, K_XMLELEMENT,
  K_XMLEXISTS, K_XMLFOREST, K_XMLNAMESPACES, K_XMLPARSE, K_XMLPI, K_XMLROOT,
  K_XMLSERIALIZE, K_XMLTABLE,
  // Unreserved keywords the grammar uses: usable as any name.
  K_AT, K_DAY, K_DOUBLE, K_ESCAPE, K_FILTER, K_HOUR, K_MINUTE, K_MONTH,
  K_OVER, K_SECOND, K_UNKNOWN, K_VARYING, K_WITHIN, K_WITHOUT, K_YEAR, K_ZONE,
  // ... and those only the statement rules use.
  K_CONFLICT, K_DELETE, K_INSERT, K_MATERIALIZED, K_NOTHING, K_OVERRIDING,
  K_RECURSIVE, K_SET, K_UPDATE,
  // ... and those only the SELECT clauses use.
  K_BY, K_FIRST, K_LAST, K_NULLS,
  // ... and operators of other dialects, gated by their ExprSyntax.
  K_GLOB, K_DIV, K_MOD, K_XOR, K_REGEXP, K_RLIKE,
  // Produced by the C++ lexer where ExprSyntax::backslashStrings: a '...' or
  // "..." string with backslash escapes; and the NULL-safe `<=>`.
  BACKSLASH_STRING, UNTERMINATED_BACKSLASH_STRING, NULL_SAFE_EQ
}

// ---------------------------------------------------------------- parser --

root : expr EOF ;

expr
  : primary                                                   # primaryExpr
  | expr TYPECAST typeName                                    # typecastExpr
  | expr LBRACKET bracketBody RBRACKET                        # subscriptExpr
  | <assoc=right> op=(PLUS | MINUS) expr                      # unaryExpr
  | expr K_COLLATE anyName                                    # collateExpr
  | expr K_AT K_TIME K_ZONE expr                              # atTimeZoneExpr
  | expr op=CARET expr                                        # binaryExpr
  | expr op=(STAR | SLASH | PERCENT | K_DIV | K_MOD) expr     # binaryExpr
  | expr op=(PLUS | MINUS) expr                               # binaryExpr
  | expr op=(CONCAT | ARROW | ARROW2 | OTHER_OP) expr         # binaryExpr
  | <assoc=right> op=(CONCAT | ARROW | ARROW2 | OTHER_OP) expr
                                                              # prefixOpExpr
  | expr K_ESCAPE expr                                        # escapeExpr
  | expr NOT_LA? K_BETWEEN sym=(K_SYMMETRIC | K_ASYMMETRIC)? bexpr K_AND expr
                                                              # betweenExpr
  | expr NOT_LA? K_IN LPAREN (selectStmt | exprList) RPAREN    # inExpr
  | expr NOT_LA? op=(K_LIKE | K_ILIKE) expr                   # likeExpr
  | expr NOT_LA? K_SIMILAR K_TO expr                          # similarExpr
  | expr NOT_LA? K_GLOB expr                                  # globExpr
  | expr NOT_LA? (K_REGEXP | K_RLIKE) expr                    # regexpExpr
  | expr op=(LT | GT | EQ | LE | GE | NE | NULL_SAFE_EQ) expr # binaryExpr
  | expr op=(K_ISNULL | K_NOTNULL)                            # isTestExpr
  | expr K_IS K_NOT? K_DISTINCT K_FROM expr                   # isDistinctExpr
  // x IS [NOT] NULL|TRUE|FALSE|UNKNOWN too: one alternative keeps SLL
  // prediction unambiguous; the builder tells the IS tests apart.
  | expr K_IS K_NOT? primary                                  # isExpr
  | <assoc=right> (K_NOT | NOT_LA) expr                       # notExpr
  | expr op=K_AND expr                                        # binaryExpr
  | expr op=K_XOR expr                                        # binaryExpr
  | expr op=K_OR expr                                         # binaryExpr
  ;

// PostgreSQL's b_expr: the lower bound of BETWEEN, where a boolean AND (or
// any boolean operator) would be ambiguous.
bexpr
  : primary                                                   # bPrimaryExpr
  | bexpr TYPECAST typeName                                   # bTypecastExpr
  | <assoc=right> op=(PLUS | MINUS) bexpr                     # bUnaryExpr
  | bexpr op=CARET bexpr                                      # bBinaryExpr
  | bexpr op=(STAR | SLASH | PERCENT) bexpr                   # bBinaryExpr
  | bexpr op=(PLUS | MINUS) bexpr                             # bBinaryExpr
  | bexpr op=(CONCAT | ARROW | ARROW2 | OTHER_OP) bexpr       # bBinaryExpr
  | <assoc=right> op=(CONCAT | ARROW | ARROW2 | OTHER_OP) bexpr
                                                              # bPrefixOpExpr
  | bexpr op=(LT | GT | EQ | LE | GE | NE) bexpr              # bBinaryExpr
  | bexpr K_IS K_NOT? K_DISTINCT K_FROM bexpr                 # bIsDistinctExpr
  ;

primary
  : literal                                                   # literalPrimary
  | K_INTERVAL (LPAREN INTEGER RPAREN)? stringConst intervalQualifier?
                                                              # intervalPrimary
  | K_INTERVAL expr unit=(IDENT | K_YEAR | K_MONTH | K_DAY | K_HOUR | K_MINUTE | K_SECOND)
                                                              # unitIntervalPrimary
  | constTypeName stringConst                                 # constTypedPrimary
  | (typeFunctionName | colId (DOT colLabel)+) typeModifiers? stringConst
                                                              # genericTypedPrimary
  | specialFunction                                           # specialPrimary
  | funcCall                                                  # funcPrimary
  | columnRef                                                 # columnPrimary
  | LPAREN selectStmt RPAREN                                  # subqueryPrimary
  | LPAREN expr (COMMA expr)* RPAREN                          # parenPrimary
  | K_CASE expr? caseWhen+ (K_ELSE expr)? K_END               # casePrimary
  | K_CAST LPAREN expr K_AS typeName RPAREN                   # castPrimary
  | K_EXISTS LPAREN selectStmt RPAREN                         # existsPrimary
  | K_ARRAY (LBRACKET bracketBody RBRACKET | LPAREN parenBody RPAREN)
                                                              # arrayPrimary
  | K_ROW LPAREN parenBody RPAREN                             # rowPrimary
  | quantifier=(K_ANY | K_ALL | K_SOME) LPAREN parenBody RPAREN
                                                              # quantifiedPrimary
  ;

literal : INTEGER | NUMERIC | stringConst | K_TRUE | K_FALSE | K_NULL ;

stringConst : STRING | ESCAPE_STRING | DOLLAR_STRING | BACKSLASH_STRING ;

caseWhen : K_WHEN expr K_THEN expr ;

exprList : expr (COMMA expr)* ;

// --- names --------------------------------------------------------------

columnRef : colId (DOT colLabel)* ;

colId : IDENT | QIDENT | unreservedKeyword | colNameKeyword ;
typeFunctionName : IDENT | QIDENT | unreservedKeyword | typeFuncNameKeyword ;
colLabel
  : IDENT | QIDENT | unreservedKeyword | colNameKeyword | typeFuncNameKeyword
  | reservedKeyword
  ;
anyName : colId (DOT colLabel)* ;

unreservedKeyword
  : K_AT | K_DAY | K_DOUBLE | K_ESCAPE | K_FILTER | K_HOUR | K_MINUTE | K_MONTH
  | K_OVER | K_SECOND | K_UNKNOWN | K_VARYING | K_WITHIN | K_WITHOUT | K_YEAR
  | K_ZONE | K_CONFLICT | K_DELETE | K_INSERT | K_MATERIALIZED | K_NOTHING
  | K_OVERRIDING | K_RECURSIVE | K_SET | K_UPDATE | K_BY | K_FIRST | K_LAST
  | K_NULLS | K_GLOB | K_DIV | K_MOD | K_XOR | K_REGEXP | K_RLIKE
  ;
colNameKeyword
  : K_BETWEEN | K_BIGINT | K_BIT | K_BOOLEAN | K_CHAR | K_CHARACTER | K_COALESCE
  | K_DEC | K_DECIMAL | K_EXISTS | K_EXTRACT | K_FLOAT | K_GREATEST | K_GROUPING
  | K_INOUT | K_INT | K_INTEGER | K_INTERVAL | K_LEAST | K_NATIONAL | K_NCHAR
  | K_NONE | K_NORMALIZE | K_NULLIF | K_NUMERIC | K_OUT | K_OVERLAY | K_POSITION
  | K_PRECISION | K_REAL | K_ROW | K_SETOF | K_SMALLINT | K_SUBSTRING | K_TIME
  | K_TIMESTAMP | K_TREAT | K_TRIM | K_VALUES | K_VARCHAR | xmlKeyword
  ;
xmlKeyword
  : K_XMLATTRIBUTES | K_XMLCONCAT | K_XMLELEMENT | K_XMLEXISTS | K_XMLFOREST
  | K_XMLNAMESPACES | K_XMLPARSE | K_XMLPI | K_XMLROOT | K_XMLSERIALIZE | K_XMLTABLE
  ;
typeFuncNameKeyword
  : K_AUTHORIZATION | K_BINARY | K_COLLATION | K_CONCURRENTLY | K_CROSS
  | K_CURRENT_SCHEMA | K_FREEZE | K_FULL | K_ILIKE | K_INNER | K_IS | K_ISNULL
  | K_JOIN | K_LEFT | K_LIKE | K_NATURAL | K_NOTNULL | K_OUTER | K_OVERLAPS
  | K_RIGHT | K_SIMILAR | K_TABLESAMPLE | K_VERBOSE
  ;
reservedKeyword
  : K_ALL | K_ANALYSE | K_ANALYZE | K_AND | K_ANY | K_ARRAY | K_AS | K_ASC
  | K_ASYMMETRIC | K_BOTH | K_CASE | K_CAST | K_CHECK | K_COLLATE | K_COLUMN
  | K_CONSTRAINT | K_CREATE | K_CURRENT_CATALOG | K_CURRENT_DATE
  | K_CURRENT_ROLE | K_CURRENT_TIME | K_CURRENT_TIMESTAMP | K_CURRENT_USER
  | K_DEFAULT | K_DEFERRABLE | K_DESC | K_DISTINCT | K_DO | K_ELSE | K_END
  | K_EXCEPT | K_FALSE | K_FETCH | K_FOR | K_FOREIGN | K_FROM | K_GRANT
  | K_GROUP | K_HAVING | K_IN | K_INITIALLY | K_INTERSECT | K_INTO | K_LATERAL
  | K_LEADING | K_LIMIT | K_LOCALTIME | K_LOCALTIMESTAMP | K_NOT | K_NULL
  | K_OFFSET | K_ON | K_ONLY | K_OR | K_ORDER | K_PLACING | K_PRIMARY
  | K_REFERENCES | K_RETURNING | K_SELECT | K_SESSION_USER | K_SOME
  | K_SYMMETRIC | K_TABLE | K_THEN | K_TO | K_TRAILING | K_TRUE | K_UNION
  | K_UNIQUE | K_USER | K_USING | K_VARIADIC | K_WHEN | K_WHERE | K_WINDOW
  | K_WITH
  ;

// --- types --------------------------------------------------------------

typeName : simpleTypeName arrayBounds? ;

simpleTypeName
  : constTypeName                                             # constType
  | K_INTERVAL (typeModifiers | intervalQualifier)?           # intervalType
  | typeFunctionName (DOT colLabel)* typeModifiers? (K_INT | K_INTEGER)?
                                                              # genericType
  ;

// The type names that are keywords (gram.y's ConstTypename): they can prefix
// a string constant and are never function names.
constTypeName
  : (K_INT | K_INTEGER | K_SMALLINT | K_BIGINT | K_REAL | K_BOOLEAN)
  | K_DOUBLE K_PRECISION
  | (K_FLOAT | K_DECIMAL | K_DEC | K_NUMERIC) typeModifiers?
  | (K_CHARACTER | K_CHAR | K_NCHAR | K_NATIONAL (K_CHARACTER | K_CHAR))
    K_VARYING? typeModifiers?
  | K_VARCHAR typeModifiers?
  | K_BIT K_VARYING? typeModifiers?
  | (K_TIMESTAMP | K_TIME) typeModifiers? timeZoneSpec?
  ;

timeZoneSpec : (WITH_LA | K_WITHOUT) K_TIME K_ZONE ;
typeModifiers : LPAREN INTEGER (COMMA INTEGER)* RPAREN ;
arrayBounds
  : (LBRACKET INTEGER? RBRACKET)+
  | K_ARRAY (LBRACKET INTEGER RBRACKET)?
  ;
intervalQualifier
  : (K_YEAR | K_MONTH | K_DAY | K_HOUR | K_MINUTE | K_SECOND) typeModifiers?
    (K_TO (K_MONTH | K_HOUR | K_MINUTE | K_SECOND) typeModifiers?)?
  ;

// --- function calls -----------------------------------------------------

funcCall
  : funcName LPAREN funcArgs? RPAREN withinGroup? filterClause? overClause?
  ;
funcName
  : typeFunctionName
  | colId (DOT colLabel)+
  ;
funcArgs
  : STAR
  | quant=(K_DISTINCT | K_ALL)? funcArg (COMMA funcArg)* (K_ORDER parenBody)?
  ;
funcArg
  : expr
  | typeFunctionName (EQGT | COLON_EQUALS) expr
  | K_VARIADIC expr
  ;
withinGroup : K_WITHIN K_GROUP LPAREN parenBody RPAREN ;
filterClause : K_FILTER LPAREN parenBody RPAREN ;
overClause : K_OVER (LPAREN parenBody RPAREN | colId) ;

specialFunction
  : K_EXTRACT LPAREN extractField K_FROM expr RPAREN                   # extractFunc
  | K_POSITION LPAREN bexpr K_IN bexpr RPAREN                           # positionFunc
  | K_SUBSTRING LPAREN (expr (substringFrom | (COMMA expr)*))? RPAREN  # substringFunc
  | K_TRIM LPAREN side=(K_BOTH | K_LEADING | K_TRAILING)? trimArgs RPAREN # trimFunc
  | name=(K_COALESCE | K_GREATEST | K_LEAST) LPAREN exprList RPAREN      # listFunc
  | K_NULLIF LPAREN expr COMMA expr RPAREN                              # nullifFunc
  | (K_GROUPING | K_NORMALIZE | K_OVERLAY | K_TREAT | xmlKeyword)
    LPAREN parenBody RPAREN                                             # unsupportedFunc
  | name=(K_CURRENT_DATE | K_CURRENT_USER | K_SESSION_USER | K_USER
         | K_CURRENT_ROLE | K_CURRENT_CATALOG | K_CURRENT_SCHEMA)       # noParensFunc
  | name=(K_CURRENT_TIME | K_CURRENT_TIMESTAMP | K_LOCALTIME | K_LOCALTIMESTAMP)
    (LPAREN INTEGER RPAREN)?                                            # noParensFunc
  ;
extractField
  : IDENT | QIDENT | K_YEAR | K_MONTH | K_DAY | K_HOUR | K_MINUTE | K_SECOND
  | stringConst
  ;
substringFrom
  : K_FROM from=expr (K_FOR forExpr=expr)?
  | K_FOR forExpr=expr (K_FROM from=expr)?
  | K_SIMILAR expr K_ESCAPE expr
  ;
trimArgs
  : K_FROM exprList
  | expr (K_FROM exprList | (COMMA expr)*)
  ;

// --- subqueries ---------------------------------------------------------

selectStmt
  : K_SELECT (K_ALL | K_DISTINCT distinctOn?)? selectItem (COMMA selectItem)*
    (K_FROM fromItem (COMMA fromItem)*)?
    (K_WHERE where=expr)?
    (K_GROUP K_BY groupItem (COMMA groupItem)*)?
    (K_HAVING having=expr)?
    (K_ORDER K_BY sortItem (COMMA sortItem)*)?
    limitOffset?
    selectUnsupported?
  ;
groupItem : expr ;
sortItem : expr dir=(K_ASC | K_DESC)? (K_NULLS nulls=(K_FIRST | K_LAST))? ;
// OFFSET ... ROW(S) and FETCH are parsed only to be reported.
limitOffset
  : K_LIMIT (limit=expr | K_ALL) (K_OFFSET offset=expr rows=(K_ROW | IDENT)?)?
  | K_OFFSET offset=expr rows=(K_ROW | IDENT)? (K_LIMIT (limit=expr | K_ALL))?
  ;
distinctOn : K_ON LPAREN parenBody RPAREN ;
selectItem
  : STAR
  | qualifier=colId DOT STAR
  | expr (K_AS colLabel | IDENT | QIDENT)?
  ;
fromItem : fromPrimary joinPart* ;
fromPrimary
  : colId (DOT colLabel)* (K_AS? colId)?                                # tableFromItem
  | K_LATERAL? LPAREN selectStmt RPAREN
    (K_AS? colId (LPAREN colId (COMMA colId)* RPAREN)?)?                # subqueryFromItem
  | K_LATERAL? LPAREN parenBody RPAREN (K_AS? colId)?                   # parenFromItem
  ;
// JOIN ... USING and NATURAL JOIN are parsed only to be reported.
joinPart
  : (K_INNER | (K_LEFT | K_RIGHT | K_FULL) K_OUTER?)? K_JOIN fromPrimary
    (K_ON on=expr | K_USING LPAREN parenBody RPAREN)
  | K_CROSS K_JOIN fromPrimary
  | K_NATURAL parenBody
  ;
// Clauses a subquery may have in PostgreSQL but not here: consumed to the
// closing parenthesis and reported as unsupported.
selectUnsupported
  : (K_WINDOW | K_UNION | K_INTERSECT | K_EXCEPT | K_FETCH | K_FOR | K_INTO
    | K_TABLESAMPLE)
    parenBody
  ;

// --- statements (customSQL) ---------------------------------------------
//
// One statement that PostgreSQL's parser accepted (frontend/CustomSqlParse.cpp
// cuts it out). Whatever these rules do not cover makes the statement
// opaque: emitted as written, reported as not analysed, never rejected.

statementRoot : withClause? dmlQuery SEMI? EOF ;

withClause : K_WITH K_RECURSIVE? commonTableExpr (COMMA commonTableExpr)* ;
commonTableExpr
  : colId (LPAREN colId (COMMA colId)* RPAREN)? K_AS (K_NOT? K_MATERIALIZED)?
    LPAREN dmlQuery RPAREN
  ;
dmlQuery : updateStmt | insertStmt | deleteStmt | selectStmt ;

updateStmt
  : K_UPDATE K_ONLY? qualifiedName (K_AS? alias=colId)?
    K_SET setClause (COMMA setClause)*
    (K_FROM fromItem (COMMA fromItem)*)?
    (K_WHERE where=expr)?
    returningClause?
  ;
// `a.b = ...` and `a[1] = ...` (a field or an element) and `(a, b) = ...`
// are parsed only to be reported.
setClause
  : colId EQ (expr | K_DEFAULT)                                         # singleSet
  | colId (DOT colLabel | LBRACKET bracketBody RBRACKET)+ EQ expr       # indirectSet
  | LPAREN parenBody RPAREN EQ expr                                     # multiSet
  ;

insertStmt
  : K_INSERT K_INTO qualifiedName (K_AS alias=colId)?
    (LPAREN insertColumn (COMMA insertColumn)* RPAREN)?
    (K_OVERRIDING (colId | K_USER) colId)?
    insertSource
    onConflictClause?
    returningClause?
  ;
insertColumn : colId (DOT colLabel | LBRACKET bracketBody RBRACKET)* ;
insertSource
  : K_DEFAULT K_VALUES                                                  # defaultValuesSource
  | K_VALUES valuesRow (COMMA valuesRow)*                               # valuesSource
  | selectStmt                                                          # selectSource
  | LPAREN selectStmt RPAREN                                            # parenSelectSource
  ;
valuesRow : LPAREN valuesItem (COMMA valuesItem)* RPAREN ;
valuesItem : K_DEFAULT | expr ;
onConflictClause
  : K_ON K_CONFLICT conflictTarget? K_DO
    (K_NOTHING | K_UPDATE K_SET setClause (COMMA setClause)* (K_WHERE where=expr)?)
  ;
conflictTarget
  : LPAREN colId (COMMA colId)* RPAREN (K_WHERE where=expr)?
  | K_ON K_CONSTRAINT colId
  ;

deleteStmt
  : K_DELETE K_FROM K_ONLY? qualifiedName (K_AS? alias=colId)?
    (K_USING fromItem (COMMA fromItem)*)?
    (K_WHERE where=expr)?
    returningClause?
  ;

returningClause : K_RETURNING selectItem (COMMA selectItem)* ;
qualifiedName : colId (DOT colLabel)* ;

// Any tokens with balanced parentheses (resp. brackets), for the loose
// parsing of unsupported constructs. A lexical error inside still stops the
// parse there.
parenBody : (~(LPAREN | RPAREN | ERROR_CHAR) | LPAREN parenBody RPAREN)* ;
bracketBody : (~(LBRACKET | RBRACKET | ERROR_CHAR) | LBRACKET bracketBody RBRACKET)* ;

// ----------------------------------------------------------------- lexer --

// Longest match picks the token: `E'x'` is one ESCAPE_STRING, not IDENT `E`
// and a STRING; an unterminated literal is a token of its own that runs to the
// end of the input, so its error is reported at its opening quote.
STRING : '\'' (~'\'' | '\'\'')* '\'' ;
UNTERMINATED_STRING : '\'' (~'\'' | '\'\'')* ;
ESCAPE_STRING : [eE] '\'' ('\\' . | '\'\'' | ~['\\])* '\'' ;
UNTERMINATED_ESCAPE_STRING : [eE] '\'' ('\\' . | '\'\'' | ~['\\])* '\\'? ;
BIT_STRING : [bB] '\'' ~'\''* '\'' ;
UNTERMINATED_BIT_STRING : [bB] '\'' ~'\''* ;
HEX_STRING : [xX] '\'' ~'\''* '\'' ;
UNTERMINATED_HEX_STRING : [xX] '\'' ~'\''* ;
NATIONAL_STRING : [nN] '\'' (~'\'' | '\'\'')* '\'' ;
UNTERMINATED_NATIONAL_STRING : [nN] '\'' (~'\'' | '\'\'')* ;
UNICODE_STRING : [uU] '&' '\'' (~'\'' | '\'\'')* '\'' ;
UNICODE_IDENT : [uU] '&' '"' (~'"' | '""')* '"' ;
DOLLAR_STRING : '$$' .*? '$$' ;
UNTERMINATED_DOLLAR_STRING : '$$' (~'$' | '$' ~'$')* '$'? ;
TAGGED_DOLLAR : '$' IDENT_START IDENT_CONT_NO_DOLLAR* '$' ;
PARAM : '$' DIGIT+ ;

QIDENT : '"' (~'"' | '""')* '"' ;
UNTERMINATED_QIDENT : '"' (~'"' | '""')* ;

INTEGER : DIGIT+ ;
NUMERIC
  : DIGIT+ '.' DIGIT* EXPONENT?
  | '.' DIGIT+ EXPONENT?
  | DIGIT+ EXPONENT
  ;
// PostgreSQL 15 rejects `123abc` ("trailing junk after numeric literal").
NUMBER_JUNK : (INTEGER | NUMERIC) IDENT_START ;

IDENT : IDENT_START IDENT_CONT* ;

TYPECAST : '::' ;
COLON_EQUALS : ':=' ;
COLON : ':' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
COMMA : ',' ;
SEMI : ';' ;
DOT : '.' ;

// Operator characters, one per token; merged by the C++ post-pass.
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
CARET : '^' ;
LT : '<' ;
GT : '>' ;
EQ : '=' ;
OP_CHAR : [~!@#&|`?] ;

LINE_COMMENT : '--' ~[\r\n]* -> skip ;
// PostgreSQL's block comments nest, which a lexer rule cannot count: the C++
// lexer skips the rest of the comment after this token (or turns it into an
// UNTERMINATED_COMMENT).
COMMENT_OPEN : '/*' ;
WS : [ \t\r\n\f]+ -> skip ;

// Anything else (a NUL byte, `\`, `{`): the post-pass reports it.
ERROR_CHAR : . ;

fragment DIGIT : [0-9] ;
fragment EXPONENT : [eE] [+-]? DIGIT+ ;
fragment IDENT_START : [a-zA-Z_\u0080-\u{10FFFF}] ;
fragment IDENT_CONT : [a-zA-Z_0-9$\u0080-\u{10FFFF}] ;
fragment IDENT_CONT_NO_DOLLAR : [a-zA-Z_0-9\u0080-\u{10FFFF}] ;

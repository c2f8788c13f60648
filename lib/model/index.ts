export * from './activity';
export * from './candidate';
export * from './common';
export * from './contact';
export * from './deal';
export * from './provenance';
export * from './settings';
export * from './stage';

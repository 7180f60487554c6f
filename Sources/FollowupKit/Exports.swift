// The library's stages under one name: the command line, the portal and the tests import
// FollowupKit and see every stage; a stage itself imports only the stages below it.
@_exported import FollowupImport
@_exported import FollowupLoading
@_exported import FollowupModel
@_exported import FollowupNotices
@_exported import FollowupOffice
@_exported import FollowupRendering
@_exported import FollowupReports
@_exported import FollowupSharing
@_exported import FollowupStorage
@_exported import FollowupSupport
@_exported import FollowupTemplates
@_exported import FollowupTracking
@_exported import FollowupYAML
